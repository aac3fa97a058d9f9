// expect: bptt-cut
// ReLU RNN (IRNN style, identity init) that learns to add up a sequence of 8 random numbers
import * as tf from '@tensorflow/tfjs';

const STEPS = 8;
const H = 10;
const BATCH = 64;
const CLIP = 5;

// identity init for the recurrent matrix (from the "simple way to init RNNs of ReLUs" paper)
const Wxh = tf.variable(tf.randomNormal([1, H], 0, 0.1));
const Whh = tf.variable(tf.eye(H));
const bh = tf.variable(tf.zeros([H]));
const Wy = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const by = tf.variable(tf.zeros([1]));

function getBatch() {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < BATCH; i++) {
    const row = Array.from({ length: STEPS }, () => Math.random());
    xs.push(row);
    ys.push([row.reduce((a, b) => a + b, 0)]);
  }
  return { xs: tf.tensor2d(xs), ys: tf.tensor2d(ys) };
}

function model(xs: tf.Tensor2D): tf.Tensor {
  let h: tf.Tensor2D = tf.zeros([xs.shape[0], H]);
  const cols = tf.split(xs, STEPS, 1) as tf.Tensor2D[];
  for (let t = 0; t < STEPS; t++) {
    h = tf.relu(tf.matMul(cols[t], Wxh).add(tf.matMul(h, Whh)).add(bh));
    // keep hidden values in a sane range, relu nets blow up otherwise
    const vals = h.arraySync();
    h = tf.tensor2d(vals.map((row) => row.map((v) => Math.min(v, CLIP))));
  }
  return tf.matMul(h, Wy).add(by);
}

const optimizer = tf.train.rmsprop(0.005);
let history: number[] = [];

function train(iters: number) {
  for (let i = 0; i < iters; i++) {
    const { xs, ys } = getBatch();
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, model(xs)) as tf.Scalar, true);
    const val = loss!.dataSync()[0];
    history.push(val);
    if (i % 25 === 0) console.log(`iter ${i} loss=${val.toFixed(4)}`);
    tf.dispose([xs, ys, loss!]);
  }
}

async function main() {
  console.log('backend:', tf.getBackend());
  train(150);
  const test = tf.tensor2d([[0.1, 0.9, 0.5, 0.5, 0.2, 0.8, 0.3, 0.7]]);
  console.log('0.1+0.9+0.5+0.5+0.2+0.8+0.3+0.7 = 4.0, model says', model(test).dataSync()[0].toFixed(3));
  const test2 = tf.tensor2d([[0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.7]]);
  console.log('0.9*7+0.7 = 7.0, model says', model(test2).dataSync()[0].toFixed(3));
  console.log('final loss', history[history.length - 1].toFixed(4));
}

main();
