// expect: unused-hidden-state
// Elman (1990) simple recurrent network trained to predict the next symbol of a^n b^n strings.
import * as tf from '@tensorflow/tfjs';

const V = 3;   // {a, b, $}
const H = 12;  // context units

export interface P { W: tf.Variable; U: tf.Variable; b: tf.Variable; Wy: tf.Variable; by: tf.Variable }

export function init(seed = 7): P {
  const g = (r: number, c: number, s: number) =>
    tf.variable(tf.randomNormal([r, c], 0, s, 'float32', seed++));
  return {
    W: g(V, H, 0.5),
    U: g(H, H, 1 / Math.sqrt(H)),
    b: tf.variable(tf.zeros([H])),
    Wy: g(H, V, 0.5),
    by: tf.variable(tf.zeros([V])),
  };
}

// s_t = tanh(W x_t + U s_{t-1} + b)
export function step(p: P, x: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D {
  const a = tf.matMul(x, p.W);
  const z = a.add(tf.matMul(s, p.U));
  return tf.tanh(a.add(p.b));
}

function anbn(n: number): number[] {
  const seq: number[] = [];
  for (let i = 0; i < n; i++) seq.push(0);
  for (let i = 0; i < n; i++) seq.push(1);
  seq.push(2);
  return seq;
}

// batch of sequences padded with '$' to length T, returned as one-hot [T][B,V]
function batch(ns: number[], T: number): { X: tf.Tensor2D[]; Y: tf.Tensor2D[] } {
  const S = ns.map((n) => {
    const s = anbn(n);
    while (s.length < T + 1) s.push(2);
    return s;
  });
  const X: tf.Tensor2D[] = [];
  const Y: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    X.push(tf.oneHot(S.map((s) => s[t]), V).toFloat() as tf.Tensor2D);
    Y.push(tf.oneHot(S.map((s) => s[t + 1]), V).toFloat() as tf.Tensor2D);
  }
  return { X, Y };
}

export function loss(p: P, X: tf.Tensor2D[], Y: tf.Tensor2D[]): tf.Scalar {
  let s = tf.zeros([X[0].shape[0], H]) as tf.Tensor2D;
  let L = tf.scalar(0);
  for (let t = 0; t < X.length; t++) {
    s = step(p, X[t], s);
    const o = tf.matMul(s, p.Wy).add(p.by);
    L = L.add(tf.losses.softmaxCrossEntropy(Y[t], o));
  }
  return L.div(X.length) as tf.Scalar;
}

export function train(p: P, iters = 60): number[] {
  const opt = tf.train.adam(0.02);
  const { X, Y } = batch([1, 2, 3, 4], 10);
  const hist: number[] = [];
  for (let i = 0; i < iters; i++) {
    const L = opt.minimize(() => loss(p, X, Y), true) as tf.Scalar;
    hist.push(L.dataSync()[0]);
    L.dispose();
  }
  X.forEach((x) => x.dispose());
  Y.forEach((y) => y.dispose());
  return hist;
}

const p = init();
const h = train(p);
console.log('L[0] =', h[0].toFixed(4), ' L[end] =', h[h.length - 1].toFixed(4));
