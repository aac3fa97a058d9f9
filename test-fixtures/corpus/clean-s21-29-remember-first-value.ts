// expect: none
// Memory test for my RNN code: after 8 steps of noise, output the very first value of the sequence
import * as tf from '@tensorflow/tfjs';

const T = 8;
const HID = 20;
const BATCH = 64;

const Wx = tf.variable(tf.randomNormal([1, HID], 0, 0.3), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([HID, HID], 0, 0.15), true, 'Wh');
const bh = tf.variable(tf.zeros([HID]), true, 'bh');
const Wy = tf.variable(tf.randomNormal([HID, 1], 0, 0.3), true, 'Wy');
const by = tf.variable(tf.zeros([1]), true, 'by');

const optimizer: tf.Optimizer = tf.train.adam(0.01);
let lastHidden: number[][] = [];

function trainBatch(): number {
  const { xs, ys } = makeBatch(BATCH);
  const { value, grads } = tf.variableGrads(() => {
    const hT = unroll(xs);
    return tf.losses.meanSquaredError(ys, hT.matMul(Wy).add(by)) as tf.Scalar;
  });
  optimizer.applyGradients(grads);
  const lossVal = value.dataSync()[0];
  // a separate pass just to peek at the hidden state for the log
  const hPeek = tf.tidy(() => unroll(xs));
  lastHidden = hPeek.arraySync();
  hPeek.dispose();
  tf.dispose([xs, ys, value]);
  tf.dispose(grads);
  return lossVal;
}

function unroll(xs: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([xs.shape[0], HID]);
  const cols = tf.split(xs, T, 1) as tf.Tensor2D[];
  for (const x of cols) {
    h = tf.tanh(x.matMul(Wx).add(h.matMul(Wh)).add(bh));
  }
  return h;
}

function makeBatch(n: number) {
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const first = Math.random() * 2 - 1;
    const row = [first];
    for (let t = 1; t < T; t++) row.push((Math.random() * 2 - 1) * 0.3);
    xs.push(row);
    ys.push([first]);
  }
  return { xs: tf.tensor2d(xs), ys: tf.tensor2d(ys) };
}

async function main() {
  // gradient check before training: does the first step get any signal at all?
  const probe = makeBatch(4);
  const g = tf.grad((x: tf.Tensor) => unroll(x as tf.Tensor2D).sum())(probe.xs);
  console.log('|d out / d x_0| =', g.slice([0, 0], [4, 1]).abs().sum().dataSync()[0].toFixed(4));

  for (let it = 0; it < 400; it++) {
    const l = trainBatch();
    if (it % 100 === 0) console.log(`it ${it} mse ${l.toFixed(4)} h[0][0..3] ${lastHidden[0].slice(0, 3).map((v) => v.toFixed(2)).join(',')}`);
  }
  const test = makeBatch(5);
  const pred = tf.tidy(() => unroll(test.xs).matMul(Wy).add(by));
  console.log('first values', Array.from(test.ys.dataSync()).map((v) => v.toFixed(2)).join(' '));
  console.log('predicted   ', Array.from(pred.dataSync()).map((v) => v.toFixed(2)).join(' '));
  console.log('tensors', tf.memory().numTensors);
}

main();
