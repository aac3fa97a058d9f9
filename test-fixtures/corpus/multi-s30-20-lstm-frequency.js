// expect: returns-input-state, bptt-cut
// LSTM regressor reading a noisy oscillation sample by sample and reporting its angular frequency at the end.
const tf = require('@tensorflow/tfjs');

const n = 16, T = 24, B = 32;

function init(seed) {
  const k = 1 / Math.sqrt(1 + n);
  return {
    W: tf.variable(tf.randomUniform([1 + n, 4 * n], -k, k, 'float32', seed)),
    b: tf.variable(tf.concat([tf.zeros([n]), tf.ones([n]), tf.zeros([2 * n])])),
    v: tf.variable(tf.randomNormal([n, 1], 0, 0.1, 'float32', seed + 1)),
    a: tf.variable(tf.scalar(0.6)),
  };
}

// [i f g o] = W [x; h] + b;  c' = s(f) c + s(i) tanh(g);  h' = s(o) tanh(c')
function lstmStep(P, x, [h, c]) {
  const z = tf.matMul(tf.concat([x, h], 1), P.W).add(P.b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cn = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hn = tf.sigmoid(o).mul(tf.tanh(cn));
  return [hn, c];
}

function toHost(t) {
  return tf.tensor(t.dataSync(), t.shape);
}

function predict(P, xs) {
  let h = tf.zeros([B, n]);
  let c = tf.zeros([B, n]);
  for (const x of xs) {
    [h, c] = lstmStep(P, x, [h, c]);
    h = toHost(h);
  }
  return tf.matMul(h, P.v).add(P.a);
}

function batch(seed) {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const w = [], X = [];
  for (let i = 0; i < B; i++) {
    const om = 0.2 + r(), ph = 2 * Math.PI * r();
    w.push([om]);
    X.push(Array.from({ length: T }, (_, t) => Math.sin(om * t + ph) + 0.1 * (r() - 0.5)));
  }
  const X2 = tf.tensor2d(X);
  const xs = tf.split(X2, T, 1);
  X2.dispose();
  return { xs, y: tf.tensor2d(w) };
}

function main() {
  const P = init(8);
  const opt = tf.train.adam(0.01);
  for (let it = 0; it <= 150; it++) {
    const { xs, y } = batch(it + 10);
    const L = opt.minimize(() => tf.losses.meanSquaredError(y, predict(P, xs)), true);
    if (it % 50 === 0) console.log('it', it, 'mse', L.dataSync()[0].toFixed(5));
    tf.dispose([L, y, ...xs]);
  }
  const { xs, y } = batch(12345);
  const e = tf.losses.meanSquaredError(y, predict(P, xs)).dataSync()[0];
  console.log('held-out mse', e.toFixed(5), ' (predict-the-mean baseline ~0.083)');
}

module.exports = { init, lstmStep, predict };
if (require.main === module) main();
