// expect: none
// Elman RNN trained on one long quasi-periodic stream with truncated BPTT (chunks of K steps, state carried by value).
import * as tf from '@tensorflow/tfjs';

const n = 20, K = 16, epochs = 6;

const W = tf.variable(tf.randomNormal([1, n], 0, 0.5, 'float32', 1));
const U = tf.variable(tf.randomNormal([n, n], 0, 0.9 / Math.sqrt(n), 'float32', 2));
const b = tf.variable(tf.zeros([n]));
const V = tf.variable(tf.randomNormal([n, 1], 0, 0.1, 'float32', 3));
const c = tf.variable(tf.zeros([1]));

const f = (t: number) => Math.sin(0.21 * t) * (0.7 + 0.3 * Math.cos(0.013 * t));
const s = Array.from({ length: 961 }, (_, t) => f(t));

// s_t = tanh(W x_t + U s_{t-1} + b), y_t = V s_t + c
function chunkLoss(h0: tf.Tensor2D, x: number[], y: number[], out: { h?: tf.Tensor2D }): tf.Scalar {
  let h = h0;
  const ys: tf.Tensor2D[] = [];
  for (const v of x) {
    h = tf.tanh(tf.matMul(tf.tensor2d([[v]]), W).add(tf.matMul(h, U)).add(b));
    ys.push(tf.matMul(h, V).add(c));
  }
  out.h = tf.keep(h);
  return tf.losses.meanSquaredError(tf.tensor2d(y, [y.length, 1]), tf.concat(ys, 0));
}

// Truncated BPTT with k1 = k2 = K: the hidden state is handed to the next chunk as a
// plain value, so gradients stop at the chunk boundary on purpose.
function detach(h: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(h.arraySync());
}

const opt = tf.train.adam(0.01);
for (let ep = 0; ep < epochs; ep++) {
  let h = tf.zeros([1, n]) as tf.Tensor2D;   // new pass over the stream: start from rest
  let sum = 0, m = 0;
  for (let t0 = 0; t0 + K < s.length; t0 += K) {
    const box: { h?: tf.Tensor2D } = {};
    const L = opt.minimize(() => chunkLoss(h, s.slice(t0, t0 + K), s.slice(t0 + 1, t0 + K + 1), box), true);
    if (L) { sum += L.dataSync()[0]; m++; L.dispose(); }
    const next = detach(box.h!);
    box.h!.dispose();
    h.dispose();
    h = next;
  }
  h.dispose();
  console.log(`epoch ${ep}  mean chunk mse ${(sum / m).toExponential(3)}`);
}

// one-step check on an unseen continuation of the stream (warm-up on the preceding 100 samples)
const mse = tf.tidy(() => {
  let h = tf.zeros([1, n]) as tf.Tensor2D;
  let err = 0;
  for (let t = 860; t < 1160; t++) {
    h = tf.tanh(tf.matMul(tf.tensor2d([[f(t)]]), W).add(tf.matMul(h, U)).add(b));
    if (t >= 960) err += (tf.matMul(h, V).add(c).dataSync()[0] - f(t + 1)) ** 2;
  }
  return err / 200;
});
console.log('held-out one-step mse', mse.toExponential(3));
