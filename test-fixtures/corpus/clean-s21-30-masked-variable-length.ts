// expect: none
// Variable-length sequences in one padded batch: a masked GRU-style RNN that predicts the average of the real values
import * as tf from '@tensorflow/tfjs';

const MAX_T = 10;
const HID = 24;
const PAD = 9; // padding value, deliberately nonsense

const W = tf.variable(tf.randomNormal([1, 2 * HID], 0, 0.3));
const U = tf.variable(tf.randomNormal([HID, 2 * HID], 0, 0.2));
const b = tf.variable(tf.zeros([2 * HID]));
const readout = tf.layers.dense({ units: 1, inputShape: [HID] });

function maskedStep(x: tf.Tensor2D, m: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D {
  const [zPre, cPre] = tf.split(x.matMul(W).add(hPrev.matMul(U)).add(b), 2, 1);
  const z = tf.sigmoid(zPre);
  const cand = tf.tanh(cPre);
  const hNew = tf.sub(1, z).mul(hPrev).add(z.mul(cand));
  // where the mask is 0 (padding) the old state is carried through unchanged
  return m.mul(hNew).add(tf.sub(1, m).mul(hPrev)) as tf.Tensor2D;
}

function encode(xs: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([xs.shape[0], HID]);
  const xCols = tf.split(xs, MAX_T, 1) as tf.Tensor2D[];
  const mCols = tf.split(mask, MAX_T, 1) as tf.Tensor2D[];
  for (let t = 0; t < MAX_T; t++) {
    h = maskedStep(xCols[t], mCols[t], h);
  }
  return readout.apply(h) as tf.Tensor2D;
}

function makeBatch(n: number) {
  const xs: number[][] = [];
  const ms: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const len = 2 + Math.floor(Math.random() * (MAX_T - 1));
    const vals = Array.from({ length: len }, () => Math.random());
    xs.push([...vals, ...Array(MAX_T - len).fill(PAD)]);
    ms.push([...Array(len).fill(1), ...Array(MAX_T - len).fill(0)]);
    ys.push([vals.reduce((a, v) => a + v, 0) / len]);
  }
  return { xs: tf.tensor2d(xs), mask: tf.tensor2d(ms), ys: tf.tensor2d(ys) };
}

async function main() {
  const opt = tf.train.adam(0.01);
  readout.apply(tf.zeros([1, HID])); // build the dense layer before minimize
  for (let it = 0; it < 300; it++) {
    const batch = makeBatch(64);
    const cost = opt.minimize(() => tf.losses.meanSquaredError(batch.ys, encode(batch.xs, batch.mask)) as tf.Scalar, true);
    if (it % 75 === 0) console.log('it', it, 'mse', cost!.dataSync()[0].toFixed(5));
    tf.dispose([batch.xs, batch.mask, batch.ys, cost!]);
  }

  // same short sequence, with and without extra padding: should give the same answer
  const short = [0.2, 0.4, 0.9];
  const a = tf.tidy(() => encode(tf.tensor2d([[...short, ...Array(MAX_T - 3).fill(PAD)]]), tf.tensor2d([[1, 1, 1, ...Array(MAX_T - 3).fill(0)]])).dataSync()[0]);
  const b2 = tf.tidy(() => encode(tf.tensor2d([[...short, ...Array(MAX_T - 3).fill(0)]]), tf.tensor2d([[1, 1, 1, ...Array(MAX_T - 3).fill(0)]])).dataSync()[0]);
  console.log('true mean 0.5, padded with 9s ->', a.toFixed(3), ', padded with 0s ->', b2.toFixed(3));
}

main();
