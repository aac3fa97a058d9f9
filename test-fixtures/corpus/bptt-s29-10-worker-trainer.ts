// expect: bptt-cut
// Training worker for the "guess the next reading" demo: fits an RNN on short sensor windows and reports loss to the page.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;

export interface SensorWindow {
  inputs: number[];
  target: number;
}

export const params = {
  wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 41), true, 'wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 42), true, 'wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'b'),
  wy: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 43), true, 'wy'),
};

function finiteRows(h: tf.Tensor2D): tf.Tensor2D {
  const rows = h.arraySync().map((row) => row.map((v) => (Number.isFinite(v) ? v : 0)));
  return tf.tensor2d(rows);
}

export function forward(batch: SensorWindow[]): tf.Tensor2D {
  const steps = batch[0].inputs.length;
  let h: tf.Tensor2D = tf.zeros([batch.length, UNITS]);
  for (let t = 0; t < steps; t++) {
    const xt = tf.tensor2d(batch.map((w) => [w.inputs[t]]));
    const pre = tf.matMul(xt, params.wx).add(tf.matMul(h, params.wh as tf.Tensor2D)).add(params.b);
    h = finiteRows(tf.tanh(pre) as tf.Tensor2D);
  }
  return tf.matMul(h, params.wy as tf.Tensor2D);
}

const optimizer = tf.train.adam(0.01);

export function trainEpoch(data: SensorWindow[], batchSize = 16): number {
  let total = 0;
  let batches = 0;
  for (let i = 0; i < data.length; i += batchSize) {
    const batch = data.slice(i, i + batchSize);
    const targets = tf.tensor2d(batch.map((w) => [w.target]));
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(targets, forward(batch)), true);
    if (loss) {
      total += loss.dataSync()[0];
      loss.dispose();
    }
    targets.dispose();
    batches++;
  }
  return total / Math.max(batches, 1);
}

self.onmessage = async (ev: MessageEvent) => {
  const { type, windows, epochs } = ev.data as { type: string; windows: SensorWindow[]; epochs: number };
  if (type !== 'train') return;
  for (let e = 0; e < epochs; e++) {
    const loss = trainEpoch(windows);
    self.postMessage({ type: 'progress', epoch: e + 1, loss });
    await tf.nextFrame();
  }
  self.postMessage({ type: 'done' });
};
