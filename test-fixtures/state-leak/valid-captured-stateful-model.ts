// A stateful model from outside the function that runs it: reset at the start of each session, fed
// one frame per call by a streaming callback, fed the chunks of one long series in order, or built
// anew for each call.
import * as tf from '@tensorflow/tfjs';

function build(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, 1, 2] }));
  return m;
}

const model = build();

export function scoreSession(readings: number[][]): number[] {
  model.resetStates();
  const out: number[] = [];
  for (const r of readings) out.push((model.predict(tf.tensor3d([[r]])) as tf.Tensor).dataSync()[0]!);
  return out;
}

export function onFrame(frame: { values: number[][] }): number {
  let last = 0;
  for (const v of frame.values) last = (model.predict(tf.tensor3d([[v]])) as tf.Tensor).dataSync()[0]!;
  return last;
}

export function feedChunk(chunk: number[][]): number {
  let last = 0;
  for (const v of chunk) last = (model.predict(tf.tensor3d([[v]])) as tf.Tensor).dataSync()[0]!;
  return last;
}

export function freshPerCall(readings: number[][]): number[] {
  const own = build();
  return readings.map((r) => (own.predict(tf.tensor3d([[r]])) as tf.Tensor).dataSync()[0]!);
}
