// expect: unused-hidden-state
// Quasi-recurrent network (Bradbury et al. 2016): width-2 masked convolutions + f-pooling, fit to a noisy sine.
const tf = require('@tensorflow/tfjs');

const D = 1, H = 16, T = 40, B = 8;

function param(shape, s, seed) {
  return tf.variable(tf.randomNormal(shape, 0, s, 'float32', seed));
}

const W0 = param([D, 2 * H], 0.4, 1);   // x_t   -> [z | f]
const W1 = param([D, 2 * H], 0.4, 2);   // x_t-1 -> [z | f]
const b = tf.variable(tf.zeros([2 * H]));
const Wo = param([H, D], 0.2, 3);
const bo = tf.variable(tf.zeros([D]));

// X: [B, T, D]  ->  Z, F: [B, T, H]
function conv(X) {
  const Xp = tf.pad(X, [[0, 0], [1, 0], [0, 0]]).slice([0, 0, 0], [B, T, D]);
  const a = tf.matMul(X.reshape([B * T, D]), W0)
    .add(tf.matMul(Xp.reshape([B * T, D]), W1))
    .add(b)
    .reshape([B, T, 2 * H]);
  const [z, f] = tf.split(a, 2, 2);
  return { Z: tf.tanh(z), F: tf.sigmoid(f) };
}

// c_t = f_t * c_{t-1} + (1 - f_t) * z_t
function fPool(c, f, z) {
  return f.mul(z).add(tf.sub(1, f).mul(z));
}

function forward(X) {
  const { Z, F } = conv(X);
  const zs = tf.unstack(Z, 1);
  const fs = tf.unstack(F, 1);
  let c = tf.zeros([B, H]);
  const ys = [];
  for (let t = 0; t < T; t++) {
    c = fPool(c, fs[t], zs[t]);
    ys.push(tf.matMul(c, Wo).add(bo));
  }
  return tf.stack(ys, 1); // [B, T, D]
}

function makeData(seed) {
  let r = seed;
  const rnd = () => ((r = (r * 16807) % 2147483647) / 2147483647);
  const x = [], y = [];
  for (let i = 0; i < B; i++) {
    const ph = 2 * Math.PI * rnd(), w = 0.2 + 0.2 * rnd();
    const s = [];
    for (let t = 0; t <= T; t++) s.push(Math.sin(w * t + ph) + 0.05 * (rnd() - 0.5));
    x.push(s.slice(0, T).map((v) => [v]));
    y.push(s.slice(1).map((v) => [v]));
  }
  return { X: tf.tensor3d(x), Y: tf.tensor3d(y) };
}

function main() {
  const { X, Y } = makeData(42);
  const opt = tf.train.adam(0.01);
  for (let it = 0; it <= 150; it++) {
    const L = opt.minimize(() => tf.losses.meanSquaredError(Y, forward(X)), true);
    if (it % 50 === 0) console.log(it, L.dataSync()[0].toFixed(5));
    L.dispose();
  }
}

module.exports = { forward, fPool, conv };

if (require.main === module) main();
