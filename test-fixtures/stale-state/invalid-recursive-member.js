// A recursive unroll of a GRU-like step that returns its output and new state as one object.
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
  return unroll(p, xs, t + 1, h, acc);
  //                          ~ stale-state
}

module.exports = { unroll };
