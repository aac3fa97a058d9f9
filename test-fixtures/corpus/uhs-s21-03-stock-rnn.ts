// expect: unused-hidden-state
// Predict tomorrow's closing price from the last 10 days with a small hand-written RNN (prices are simulated for now)
import * as tf from '@tensorflow/tfjs';

const WINDOW = 10;
const HIDDEN_SIZE = 20;
const EPOCHS = 80;
let prices: number[] = [];

// fake price history until I hook up the real API
for (let i = 0; i < 300; i++) {
  prices.push(100 + 10 * Math.sin(i / 8) + 3 * Math.cos(i / 3) + Math.random() * 2);
}
const minP = Math.min(...prices);
const maxP = Math.max(...prices);
const norm = (p: number) => (p - minP) / (maxP - minP);
const denorm = (v: number) => v * (maxP - minP) + minP;

const W_in = tf.variable(tf.randomNormal([1, HIDDEN_SIZE], 0, 0.3));
const W_rec = tf.variable(tf.randomNormal([HIDDEN_SIZE, HIDDEN_SIZE], 0, 0.3));
const b = tf.variable(tf.zeros([HIDDEN_SIZE]));
const W_out = tf.variable(tf.randomNormal([HIDDEN_SIZE, 1], 0, 0.3));
const b_out = tf.variable(tf.zeros([1]));

function cell(xt: tf.Tensor2D, prev_h: tf.Tensor2D): tf.Tensor2D {
  const fromInput = tf.matMul(xt, W_in);
  const fromHidden = tf.matMul(prev_h, W_rec);
  // console.log('fromHidden', fromHidden.shape);
  const preAct = fromInput.add(b);
  return tf.tanh(preAct) as tf.Tensor2D;
}

function predict(windows: tf.Tensor2D): tf.Tensor2D {
  // windows: [batch, WINDOW]
  const batch = windows.shape[0];
  let hidden = tf.zeros([batch, HIDDEN_SIZE]) as tf.Tensor2D;
  const cols = tf.split(windows, WINDOW, 1) as tf.Tensor2D[];
  for (let t = 0; t < WINDOW; t++) {
    hidden = cell(cols[t], hidden);
  }
  return tf.matMul(hidden, W_out).add(b_out);
}

function buildDataset() {
  const X: number[][] = [];
  const Y: number[][] = [];
  for (let i = 0; i + WINDOW < prices.length; i++) {
    X.push(prices.slice(i, i + WINDOW).map(norm));
    Y.push([norm(prices[i + WINDOW])]);
  }
  return { X: tf.tensor2d(X), Y: tf.tensor2d(Y) };
}

async function main() {
  const { X, Y } = buildDataset();
  console.log('dataset', X.shape, Y.shape);
  const opt = tf.train.adam(0.01);
  for (let e = 0; e < EPOCHS; e++) {
    const l = opt.minimize(() => tf.losses.meanSquaredError(Y, predict(X)), true);
    if (e % 20 === 0) console.log('epoch', e, 'loss', l!.dataSync()[0]);
    l!.dispose();
  }
  const last = prices.slice(prices.length - WINDOW).map(norm);
  const next = predict(tf.tensor2d([last]));
  console.log('last close', prices[prices.length - 1].toFixed(2));
  console.log('predicted next close', denorm(next.dataSync()[0]).toFixed(2));
}

main();
