// expect: none
// Point-free helpers: foldl/scanl over time steps and a GRU step built from small gate combinators.
import * as tf from '@tensorflow/tfjs';

export const foldl = (f, z) => (xs) => xs.reduce(f, z);

export const scanl = (f, z) => (xs) => {
  const acc = [z];
  xs.forEach((x) => acc.push(f(acc[acc.length - 1], x)));
  return acc.slice(1);
};

const affine = (W, U, b) => (x, h) => tf.matMul(x, W).add(tf.matMul(h, U)).add(b);
const gate = (lin) => (x, h) => tf.sigmoid(lin(x, h));
const lerp = (z, a, b) => z.mul(a).add(tf.onesLike(z).sub(z).mul(b));

export function gruParams(nIn, nHid, seed = 161) {
  const W = (r, c, s) => tf.randomNormal([r, c], 0, 0.3, 'float32', seed + s);
  return {
    z: [W(nIn, nHid, 0), W(nHid, nHid, 1), tf.zeros([nHid])],
    r: [W(nIn, nHid, 2), W(nHid, nHid, 3), tf.zeros([nHid])],
    n: [W(nIn, nHid, 4), W(nHid, nHid, 5), tf.zeros([nHid])],
  };
}

export const gruStep = (p) => {
  const zGate = gate(affine(...p.z));
  const rGate = gate(affine(...p.r));
  const [Wn, Un, bn] = p.n;
  return (h, x) => {
    const z = zGate(x, h);
    const r = rGate(x, h);
    const n = tf.tanh(tf.matMul(x, Wn).add(r.mul(tf.matMul(h, Un))).add(bn));
    return lerp(z, h, n);
  };
};

export function encodeBatch(p, xs) {
  return tf.tidy(() => {
    const h0 = tf.zeros([xs[0].shape[0], p.z[1].shape[0]]);
    return foldl(gruStep(p), h0)(xs);
  });
}

export function allStates(p, xs) {
  return tf.tidy(() => {
    const h0 = tf.zeros([xs[0].shape[0], p.z[1].shape[0]]);
    return tf.stack(scanl(gruStep(p), h0)(xs), 1);
  });
}

export function splitSteps(seq) {
  return tf.unstack(seq, 1);
}

export function demo() {
  const p = gruParams(3, 5);
  const seq = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 9);
  const steps = splitSteps(seq);
  const last = encodeBatch(p, steps);
  const all = allStates(p, steps);
  return { last: last.shape, all: all.shape };
}
