// expect: bptt-cut
// Elman network trained end to end on delayed parity: y_t = x_{t-1} XOR x_{t-2}.
import * as tf from '@tensorflow/tfjs';

const n = 24, T = 20, B = 64;

const W = tf.variable(tf.randomNormal([1, n], 0, 1, 'float32', 31));
const U = tf.variable(tf.randomNormal([n, n], 0, 1 / Math.sqrt(n), 'float32', 32));
const b = tf.variable(tf.zeros([n]));
const V = tf.variable(tf.randomNormal([n, 1], 0, 0.1, 'float32', 33));
const c = tf.variable(tf.zeros([1]));
const params = [W, U, b, V, c];

function bits(seed) {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const X = [], Y = [];
  for (let i = 0; i < B; i++) {
    const x = Array.from({ length: T }, () => (r() < 0.5 ? 1 : 0));
    X.push(x);
    Y.push(x.map((_, t) => (t >= 2 ? x[t - 1] ^ x[t - 2] : 0)));
  }
  return { X: tf.tensor2d(X), Y: tf.tensor2d(Y) };
}

// s_t = tanh(W x_t + U s_{t-1} + b), rows stacked as [B, T, n]
function unroll(X) {
  const xs = tf.split(X, T, 1);
  let s = tf.zeros([B, n]);
  const S = [];
  for (const x of xs) {
    s = tf.tanh(tf.matMul(x, W).add(tf.matMul(s, U)).add(b));
    S.push(s);
  }
  return tf.stack(S, 1);
}

function logits(S) {
  return tf.matMul(S.reshape([B * T, n]), V).add(c).reshape([B, T]);
}

const opt = tf.train.adam(0.01);
for (let ep = 0; ep <= 200; ep++) {
  const { X, Y } = bits(ep + 1);
  const S = unroll(X);
  const L = opt.minimize(
    () => tf.losses.sigmoidCrossEntropy(Y.slice([0, 2], [B, T - 2]), logits(S).slice([0, 2], [B, T - 2])),
    true,
    params
  );
  if (ep % 40 === 0) console.log('epoch', ep, 'bce', L.dataSync()[0].toFixed(4));
  tf.dispose([X, Y, S, L]);
}

const { X, Y } = bits(999);
const p = tf.sigmoid(logits(unroll(X))).greater(0.5).toFloat();
const acc = p.equal(Y).slice([0, 2], [B, T - 2]).toFloat().mean().dataSync()[0];
console.log('held-out accuracy', acc.toFixed(3));
