// expect: stale-state
// Recursive unroll of a minimal GRU used to turn a price series into a trend embedding for a trading bot.
'use strict';
const tf = require('@tensorflow/tfjs');

function makeParams(units, seed) {
  const r = (shape, k) => tf.randomNormal(shape, 0, 0.4, 'float32', seed + k);
  return {
    units,
    wz: r([1, units], 0), uz: r([units, units], 1),
    wn: r([1, units], 2), un: r([units, units], 3),
    bz: tf.zeros([units]), bn: tf.zeros([units]),
  };
}

function step(p, x, h) {
  const z = tf.sigmoid(x.matMul(p.wz).add(h.matMul(p.uz)).add(p.bz));
  const n = tf.tanh(x.matMul(p.wn).add(h.matMul(p.un)).add(p.bn));
  const hNext = z.mul(h).add(tf.sub(1, z).mul(n));
  return { y: hNext, h: hNext };
}

function unroll(p, xs, t, h, acc) {
  if (t === xs.length) return acc;
  const out = step(p, xs[t], h);
  acc.push(out.y);
  return unroll(p, xs, t + 1, h, acc);
}

function normalise(prices) {
  const mean = prices.reduce((a, b) => a + b, 0) / prices.length;
  const sd = Math.sqrt(prices.reduce((a, b) => a + (b - mean) ** 2, 0) / prices.length) || 1;
  return prices.map((v) => (v - mean) / sd);
}

function trendEmbedding(p, prices) {
  return tf.tidy(() => {
    const xs = normalise(prices).map((v) => tf.tensor2d([[v]]));
    const outputs = unroll(p, xs, 0, tf.zeros([1, p.units]), []);
    return outputs[outputs.length - 1];
  });
}

function cosine(a, b) {
  return tf.tidy(() => a.mul(b).sum().div(a.norm().mul(b.norm())).dataSync()[0]);
}

module.exports = { makeParams, step, unroll, trendEmbedding, cosine };

if (require.main === module) {
  const p = makeParams(8, 50);
  const rising = trendEmbedding(p, [10, 11, 12, 13, 15, 16, 18]);
  const falling = trendEmbedding(p, [18, 16, 15, 13, 12, 11, 10]);
  console.log('similarity rising/falling', cosine(rising, falling).toFixed(4));
  tf.dispose([rising, falling]);
}
