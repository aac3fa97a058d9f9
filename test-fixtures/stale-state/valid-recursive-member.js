// Recursive unrolls that pass on the new state, read from the step's result object.
const tf = require('@tensorflow/tfjs');

function step(p, x, h) {
  const z = tf.sigmoid(x.matMul(p.wz).add(h.matMul(p.uz)));
  const n = tf.tanh(x.matMul(p.wn).add(h.matMul(p.un)));
  const hNext = z.mul(h).add(tf.sub(1, z).mul(n));
  return { y: hNext, h: hNext };
}

function unroll(p, xs, t, h, acc) {
  if (t === xs.length) return acc;
  const out = step(p, xs[t], h);
  acc.push(out.y);
  return unroll(p, xs, t + 1, out.h, acc);
}

function unrollNamed(p, xs, t, h, acc) {
  if (t === xs.length) return acc;
  const { y, h: hNext } = step(p, xs[t], h);
  acc.push(y);
  return unrollNamed(p, xs, t + 1, hNext, acc);
}

module.exports = { unroll, unrollNamed };
