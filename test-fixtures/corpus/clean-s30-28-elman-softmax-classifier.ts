// expect: none
// Elman classifier for three oscillation frequencies: tanh hidden state, linear readout, softmax probabilities.
import * as tf from '@tensorflow/tfjs';

const n = 16, K = 3, T = 20, B = 60;
const freqs = [0.25, 0.6, 1.1];

const P = {
  W: tf.variable(tf.randomNormal([1, n], 0, 0.8, 'float32', 1)),
  U: tf.variable(tf.randomNormal([n, n], 0, 1 / Math.sqrt(n), 'float32', 2)),
  b: tf.variable(tf.zeros([n])),
  V: tf.variable(tf.randomNormal([n, K], 0, 0.2, 'float32', 3)),
  c: tf.variable(tf.zeros([K])),
};

function hidden(X: tf.Tensor2D): tf.Tensor2D {
  let h = tf.zeros([X.shape[0], n]) as tf.Tensor2D;
  for (const x of tf.split(X, T, 1) as tf.Tensor2D[]) {
    h = tf.tanh(tf.matMul(x, P.W).add(tf.matMul(h, P.U)).add(P.b));
  }
  return h;
}

const logits = (X: tf.Tensor2D) => tf.matMul(hidden(X), P.V).add(P.c) as tf.Tensor2D;
export const proba = (X: tf.Tensor2D) => tf.softmax(logits(X));

function data(seed: number): { X: tf.Tensor2D; Y: tf.Tensor2D; y: number[] } {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const X: number[][] = [], y: number[] = [];
  for (let i = 0; i < B; i++) {
    const k = i % K, ph = 2 * Math.PI * r();
    X.push(Array.from({ length: T }, (_, t) => Math.sin(freqs[k] * t + ph) + 0.2 * (r() - 0.5)));
    y.push(k);
  }
  return { X: tf.tensor2d(X), Y: tf.oneHot(tf.tensor1d(y, 'int32'), K).toFloat() as tf.Tensor2D, y };
}

const opt: tf.Optimizer = tf.train.adam(0.02);
const tr = data(3);
for (let it = 0; it <= 120; it++) {
  const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(tr.Y, logits(tr.X)) as tf.Scalar);
  opt.applyGradients(grads);
  if (it % 40 === 0) console.log(`it ${it}  xent ${value.dataSync()[0].toFixed(4)}`);
  tf.dispose([value, grads]);
}

const te = data(99);
const pr = proba(te.X);
const pred = pr.argMax(1).dataSync();
const acc = te.y.filter((k, i) => pred[i] === k).length / B;
console.log(`test accuracy ${acc.toFixed(3)}, mean max-prob ${pr.max(1).mean().dataSync()[0].toFixed(3)}`);
