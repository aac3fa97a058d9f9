// expect: none
// Plain LSTM from the equations on a long-lag recall task: report the value shown at t = 0 after T distractors.
const tf = require('@tensorflow/tfjs');

const n = 12, T = 20, B = 32;

function lstmParams(seed) {
  const k = 1 / Math.sqrt(1 + n);
  const u = (r, c, s) => tf.variable(tf.randomUniform([r, c], -k, k, 'float32', s));
  return {
    Wi: u(1, n, seed), Ui: u(n, n, seed + 1), bi: tf.variable(tf.zeros([n])),
    Wf: u(1, n, seed + 2), Uf: u(n, n, seed + 3), bf: tf.variable(tf.ones([n])),
    Wg: u(1, n, seed + 4), Ug: u(n, n, seed + 5), bg: tf.variable(tf.zeros([n])),
    Wo: u(1, n, seed + 6), Uo: u(n, n, seed + 7), bo: tf.variable(tf.zeros([n])),
    V: u(n, 1, seed + 8),
  };
}

function gate(x, h, W, U, b) {
  return tf.matMul(x, W).add(tf.matMul(h, U)).add(b);
}

// c' = f*c + i*g,  h' = o*tanh(c')
function cell(p, x, s) {
  const i = tf.sigmoid(gate(x, s.h, p.Wi, p.Ui, p.bi));
  const f = tf.sigmoid(gate(x, s.h, p.Wf, p.Uf, p.bf));
  const g = tf.tanh(gate(x, s.h, p.Wg, p.Ug, p.bg));
  const o = tf.sigmoid(gate(x, s.h, p.Wo, p.Uo, p.bo));
  const c = f.mul(s.c).add(i.mul(g));
  const h = o.mul(tf.tanh(c));
  return { h, c };
}

function run(p, xs) {
  let s = { h: tf.zeros([B, n]), c: tf.zeros([B, n]) };
  let t = 0;
  while (t < xs.length) {
    s = cell(p, xs[t], s);
    t += 1;
  }
  return tf.matMul(s.h, p.V);
}

function task(seed) {
  let q = seed;
  const r = () => ((q = (q * 16807) % 2147483647) / 2147483647);
  const X = [], y = [];
  for (let b = 0; b < B; b++) {
    const row = Array.from({ length: T }, () => r() - 0.5);
    row[0] = r() < 0.5 ? -1 : 1;
    X.push(row);
    y.push([row[0]]);
  }
  const X2 = tf.tensor2d(X);
  const xs = tf.split(X2, T, 1);
  X2.dispose();
  return { xs, y: tf.tensor2d(y) };
}

const p = lstmParams(40);
const opt = tf.train.adam(0.02);
for (let it = 0; it <= 150; it++) {
  const { xs, y } = task(it + 1);
  const L = opt.minimize(() => tf.losses.meanSquaredError(y, run(p, xs)), true);
  if (it % 50 === 0) console.log(`it ${it}  mse ${L.dataSync()[0].toFixed(4)}`);
  tf.dispose([L, y, ...xs]);
}
const { xs, y } = task(2024);
const acc = tf.sign(run(p, xs)).equal(y).toFloat().mean().dataSync()[0];
console.log('recall accuracy', acc.toFixed(3));
