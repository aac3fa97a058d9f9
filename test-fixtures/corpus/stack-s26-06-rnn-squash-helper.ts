// expect: stacked-activation
// tslab cells: vanilla RNN regressor on daily temperature windows, trained with Adam and checked on a held-out window.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: data ---
const WINDOW = 14;
const days: number[] = [];
for (let d = 0; d < 200; d++) days.push(10 + 8 * Math.sin((2 * Math.PI * d) / 365) + 2 * Math.sin(d * 1.7));
const mean = days.reduce((a, v) => a + v, 0) / days.length;
const norm = days.map((v) => (v - mean) / 8);

function windows(start: number, count: number): { xs: tf.Tensor[]; y: tf.Tensor } {
  const seqs: number[][] = [];
  const next: number[] = [];
  for (let k = 0; k < count; k++) {
    seqs.push(norm.slice(start + k, start + k + WINDOW));
    next.push(norm[start + k + WINDOW]);
  }
  const xs: tf.Tensor[] = [];
  for (let t = 0; t < WINDOW; t++) xs.push(tf.tensor2d(seqs.map((s) => [s[t]])));
  return { xs, y: tf.tensor2d(next.map((v) => [v])) };
}
const train = windows(0, 120);
const test = windows(150, 30);

// --- cell 2: params ---
const HID = 16;
const Wx = tf.variable(tf.randomNormal([1, HID], 0, 0.5, 'float32', 7));
const Wh = tf.variable(tf.randomNormal([HID, HID], 0, 0.2, 'float32', 8));
const b = tf.variable(tf.zeros([HID]));
const Wy = tf.variable(tf.randomNormal([HID, 1], 0, 0.3, 'float32', 9));
const by = tf.variable(tf.zeros([1]));

// --- cell 3: helpers ---
const squash = (t: tf.Tensor): tf.Tensor => tf.tanh(t);

function step(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const recurrent = tf.matMul(squash(h), Wh);
  return squash(tf.matMul(x, Wx).add(recurrent).add(b));
}

function predict(xs: tf.Tensor[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([xs[0].shape[0], HID]);
  for (const x of xs) h = step(x, h);
  return tf.matMul(h, Wy).add(by);
}

// --- cell 4: train ---
const opt = tf.train.adam(0.02);
const log: { epoch: number; train: number }[] = [];
for (let epoch = 0; epoch < 60; epoch++) {
  const loss = opt.minimize(() => tf.losses.meanSquaredError(train.y, predict(train.xs)) as tf.Scalar, true);
  if (epoch % 15 === 0) log.push({ epoch, train: +loss!.dataSync()[0].toFixed(4) });
  loss!.dispose();
}
console.table(log);

// --- cell 5: held-out check ---
const testMse = tf.tidy(() => tf.losses.meanSquaredError(test.y, predict(test.xs)).dataSync()[0]);
console.log('test mse', testMse.toFixed(4));
