// The same helper with the states reset per recording: by the caller's loop, or by the helper itself.
import * as tf from '@tensorflow/tfjs';

export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 5, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}

export async function feedRecording(model: tf.Sequential, chunks: tf.Tensor3D[]): Promise<number> {
  let last = 0;
  for (const chunk of chunks) {
    const p = model.predict(chunk) as tf.Tensor;
    last = (await p.data())[0]!;
  }
  return last;
}

export async function evaluate(test: tf.Tensor3D[][]): Promise<number[]> {
  const model = buildModel();
  const scores: number[] = [];
  for (const data of test) {
    model.resetStates();
    scores.push(await feedRecording(model, data));
  }
  return scores;
}

export async function scoreRecording(model: tf.Sequential, chunks: tf.Tensor3D[]): Promise<number> {
  model.resetStates();
  let last = 0;
  for (const chunk of chunks) last = ((await (model.predict(chunk) as tf.Tensor).data())[0])!;
  return last;
}

export async function scoreAll(test: tf.Tensor3D[][]): Promise<number[]> {
  const model = buildModel();
  const out: number[] = [];
  for (const data of test) out.push(await scoreRecording(model, data));
  return out;
}

// One long stream fed in windows: the state should flow from window to window.
export async function stream(model: tf.Sequential, windows: tf.Tensor3D[][]): Promise<number> {
  let last = 0;
  for (const w of windows) last = await feedRecording(model, w);
  return last;
}
