// expect: bptt-cut
// Classifies 20-step sequences as "rising" or "falling" trend with a raw RNN, mini-batch training with optimizer.minimize
import * as tf from '@tensorflow/tfjs';

const STEPS = 20;
const HIDDEN_UNITS = 16;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.05;

const W_xh = tf.variable(tf.randomNormal([1, HIDDEN_UNITS], 0, 0.3), true, 'W_xh');
const W_hh = tf.variable(tf.randomNormal([HIDDEN_UNITS, HIDDEN_UNITS], 0, 0.1), true, 'W_hh');
const b_h = tf.variable(tf.zeros([HIDDEN_UNITS]), true, 'b_h');
const W_hy = tf.variable(tf.randomNormal([HIDDEN_UNITS, 1], 0, 0.3), true, 'W_hy');
const b_y = tf.variable(tf.zeros([1]), true, 'b_y');

function genBatch(n: number) {
  const xs: number[][] = [];
  const labels: number[][] = [];
  for (let i = 0; i < n; i++) {
    const rising = Math.random() < 0.5;
    const slope = (rising ? 1 : -1) * (0.02 + Math.random() * 0.03);
    const start = Math.random() - 0.5;
    xs.push(Array.from({ length: STEPS }, (_, t) => start + slope * t + (Math.random() - 0.5) * 0.1));
    labels.push([rising ? 1 : 0]);
  }
  return { xs: tf.tensor2d(xs), labels: tf.tensor2d(labels) };
}

function runRNN(xs: tf.Tensor2D): tf.Tensor2D {
  let hState = tf.zeros([xs.shape[0], HIDDEN_UNITS]) as tf.Tensor2D;
  const cols = tf.split(xs, STEPS, 1) as tf.Tensor2D[];
  cols.forEach((x_t) => {
    hState = tf.tanh(x_t.matMul(W_xh).add(hState.matMul(W_hh)).add(b_h));
  });
  return hState;
}

function classify(h: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(h.matMul(W_hy).add(b_y));
}

const optimizer = tf.train.sgd(LEARNING_RATE);

async function train(iterations: number) {
  for (let i = 0; i < iterations; i++) {
    const { xs, labels } = genBatch(BATCH_SIZE);
    const finalHidden = runRNN(xs);
    const loss = optimizer.minimize(() => {
      const probs = classify(finalHidden);
      return tf.losses.logLoss(labels, probs) as tf.Scalar;
    }, true);
    if (i % 50 === 0) {
      console.log(`iter ${i}: loss ${loss!.dataSync()[0].toFixed(4)}`);
    }
    tf.dispose([xs, labels, finalHidden, loss!]);
    await tf.nextFrame();
  }
}

async function evaluate() {
  const { xs, labels } = genBatch(500);
  const acc = tf.tidy(() => classify(runRNN(xs)).round().equal(labels).mean());
  console.log('test accuracy', (await acc.data())[0]);
}

async function main() {
  await train(250);
  await evaluate();
}

main();
