// expect: bptt-cut
// Trains a GRU that predicts the next z-scored spread of a cointegrated pair; gradients are clipped by global norm before Adam.
import * as tf from '@tensorflow/tfjs';

const H = 10;
const STEPS = 15;

export function createParams(seed = 131) {
  const w = (shape, k) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + k));
  return {
    wz: w([1, H], 0), uz: w([H, H], 1), bz: tf.variable(tf.zeros([H])),
    wr: w([1, H], 2), ur: w([H, H], 3), br: tf.variable(tf.zeros([H])),
    wc: w([1, H], 4), uc: w([H, H], 5), bc: tf.variable(tf.zeros([H])),
    wo: w([H, 1], 6),
  };
}

function gru(p, x, h) {
  const z = tf.sigmoid(x.matMul(p.wz).add(h.matMul(p.uz)).add(p.bz));
  const r = tf.sigmoid(x.matMul(p.wr).add(h.matMul(p.ur)).add(p.br));
  const c = tf.tanh(x.matMul(p.wc).add(r.mul(h).matMul(p.uc)).add(p.bc));
  return tf.sub(1, z).mul(h).add(z.mul(c));
}

function clean(rows) {
  return rows.map((row) => row.map((v) => (Number.isFinite(v) ? v : 0)));
}

export function lossFn(p, xb, yb) {
  const batch = xb.shape[0];
  let h = tf.zeros([batch, H]);
  for (let t = 0; t < STEPS; t++) {
    h = gru(p, xb.slice([0, t], [batch, 1]), h);
    h = tf.tensor2d(clean(h.arraySync()));
  }
  return tf.losses.meanSquaredError(yb, h.matMul(p.wo));
}

function clipByGlobalNorm(grads, maxNorm) {
  return tf.tidy(() => {
    const names = Object.keys(grads);
    const total = Math.sqrt(names.reduce((acc, n) => acc + tf.sum(tf.square(grads[n])).dataSync()[0], 0));
    const scale = total > maxNorm ? maxNorm / total : 1;
    const out = {};
    for (const n of names) out[n] = grads[n].mul(scale);
    return out;
  });
}

export function spreadWindows(n) {
  const spread = [];
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = 0.9 * s + 0.4 * Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.91);
    spread.push(s);
  }
  const xs = [];
  const ys = [];
  for (let i = STEPS; i < n; i++) {
    xs.push(spread.slice(i - STEPS, i));
    ys.push([spread[i]]);
  }
  return { x: tf.tensor2d(xs), y: tf.tensor2d(ys) };
}

export async function train(epochs = 10) {
  const p = createParams();
  const varList = Object.values(p);
  const opt = tf.train.adam(0.01);
  const { x, y } = spreadWindows(220);
  const history = [];
  for (let e = 0; e < epochs; e++) {
    const { value, grads } = tf.variableGrads(() => lossFn(p, x, y), varList);
    const clipped = clipByGlobalNorm(grads, 5);
    opt.applyGradients(clipped);
    history.push((await value.data())[0]);
    tf.dispose([value, grads, clipped]);
  }
  tf.dispose([x, y]);
  return { params: p, history };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { history } = await train(15);
  history.forEach((l, i) => i % 3 === 0 && console.log(`epoch ${i}: mse ${l.toFixed(4)}`));
}
