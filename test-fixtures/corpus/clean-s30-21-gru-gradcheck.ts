// expect: none
// GRU written from the Cho et al. (2014) equations, with a central-difference check of dL/dU before training.
import * as tf from '@tensorflow/tfjs';

const d = 2, n = 6, T = 8, B = 4;

type G = { Wz: tf.Tensor; Uz: tf.Tensor; Wr: tf.Tensor; Ur: tf.Tensor; W: tf.Tensor; U: tf.Tensor; v: tf.Tensor };

// z = s(Wz x + Uz h), r = s(Wr x + Ur h), h~ = tanh(W x + U (r*h)), h' = (1-z) h + z h~
export function gru(p: G, x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const z = tf.sigmoid(tf.matMul(x, p.Wz).add(tf.matMul(h, p.Uz)));
  const r = tf.sigmoid(tf.matMul(x, p.Wr).add(tf.matMul(h, p.Ur)));
  const hc = tf.tanh(tf.matMul(x, p.W).add(tf.matMul(r.mul(h), p.U)));
  return tf.sub(1, z).mul(h).add(z.mul(hc));
}

export function lossOf(p: G, xs: tf.Tensor[], y: tf.Tensor): tf.Scalar {
  let h: tf.Tensor = tf.zeros([B, n]);
  for (const x of xs) h = gru(p, x, h);
  return tf.losses.meanSquaredError(y, tf.matMul(h, p.v));
}

export function gradcheck(p: G, xs: tf.Tensor[], y: tf.Tensor, eps = 1e-2): number {
  const f = (U: tf.Tensor) => lossOf({ ...p, U }, xs, y);
  const [gU] = tf.grads(f)([p.U]);
  const ga = gU.arraySync() as number[][];
  const U0 = p.U.arraySync() as number[][];
  let worst = 0;
  for (const [i, j] of [[0, 0], [1, 3], [4, 2], [5, 5]]) {
    const Up = U0.map((r) => r.slice()), Um = U0.map((r) => r.slice());
    Up[i][j] += eps;
    Um[i][j] -= eps;
    const lp = tf.tidy(() => f(tf.tensor2d(Up)).dataSync()[0]);
    const lm = tf.tidy(() => f(tf.tensor2d(Um)).dataSync()[0]);
    const num = (lp - lm) / (2 * eps);
    const rel = Math.abs(num - ga[i][j]) / Math.max(1e-8, Math.abs(num) + Math.abs(ga[i][j]));
    worst = Math.max(worst, rel);
  }
  gU.dispose();
  return worst;
}

let seed = 100;
const rn = (r: number, c: number, s: number) => tf.variable(tf.randomNormal([r, c], 0, s, 'float32', seed++));
const p: G = {
  Wz: rn(d, n, 0.5), Uz: rn(n, n, 0.4), Wr: rn(d, n, 0.5), Ur: rn(n, n, 0.4),
  W: rn(d, n, 0.5), U: rn(n, n, 0.4), v: rn(n, 1, 0.5),
};
const X = tf.randomNormal([T, B, d], 0, 1, 'float32', 7);
const xs = tf.unstack(X);
// target: sum over time of the first channel, a job for the update gate
const y = X.slice([0, 0, 0], [T, B, 1]).sum(0);

console.log('max relative error dL/dU:', gradcheck(p, xs, y).toExponential(2));

const opt = tf.train.adam(0.02);
for (let it = 0; it <= 100; it++) {
  const L = opt.minimize(() => lossOf(p, xs, y), true);
  if (L && it % 25 === 0) console.log(`it ${it}  mse ${L.dataSync()[0].toFixed(4)}`);
  L?.dispose();
}
