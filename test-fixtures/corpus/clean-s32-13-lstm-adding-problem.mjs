// expect: none
// The "adding problem" with a hand-written LSTM: global-norm clipping, validation each epoch, best-weights checkpoint.
import * as tf from '@tensorflow/tfjs';

const STEPS = 15;
const UNITS = 24;
const BATCH = 32;

const v = (shape, name, scale = 0.15) => tf.variable(tf.randomNormal(shape, 0, scale), true, name);
const params = {
  W: v([2 + UNITS, 4 * UNITS], 'lstm_W'),
  b: tf.variable(tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]), true, 'lstm_b'),
  Wy: v([UNITS, 1], 'head_W'),
  by: tf.variable(tf.zeros([1]), true, 'head_b'),
};

export function lstmCell(x, h, c) {
  const z = tf.matMul(tf.concat([x, h], 1), params.W).add(params.b);
  const [iPre, fPre, oPre, gPre] = tf.split(z, 4, 1);
  const i = tf.sigmoid(iPre);
  const f = tf.sigmoid(fPre);
  const o = tf.sigmoid(oPre);
  const g = tf.tanh(gPre);
  const cNext = f.mul(c).add(i.mul(g));
  const hNext = o.mul(tf.tanh(cNext));
  return [hNext, cNext];
}

export function predict(xs) {
  const n = xs.shape[0];
  let h = tf.zeros([n, UNITS]);
  let c = tf.zeros([n, UNITS]);
  for (const xt of tf.unstack(xs, 1)) {
    [h, c] = lstmCell(xt, h, c);
  }
  return h.matMul(params.Wy).add(params.by);
}

function* addingExamples(count) {
  for (let k = 0; k < count; k++) {
    const a = Math.floor(Math.random() * (STEPS / 2));
    const b = Math.floor(STEPS / 2 + Math.random() * (STEPS / 2));
    const vals = Array.from({ length: STEPS }, () => Math.random());
    yield { xs: vals.map((val, t) => [val, t === a || t === b ? 1 : 0]), ys: [vals[a] + vals[b]] };
  }
}

function clipByGlobalNorm(grads, maxNorm) {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => g.square().sum())));
    const scale = tf.minimum(1, tf.div(maxNorm, norm.add(1e-6)));
    const out = {};
    for (const [name, g] of Object.entries(grads)) out[name] = g.mul(scale);
    return out;
  });
}

const snapshot = () => Object.fromEntries(Object.entries(params).map(([k, p]) => [k, tf.keep(p.clone())]));

const optimizer = tf.train.adam(0.01);
const trainDs = tf.data.generator(() => addingExamples(1024)).batch(BATCH);
const valDs = tf.data.generator(() => addingExamples(256)).batch(256);
let best = { loss: Infinity, weights: null };

for (let epoch = 1; epoch <= 6; epoch++) {
  const losses = [];
  await trainDs.forEachAsync(({ xs, ys }) => {
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, predict(xs)));
    const clipped = clipByGlobalNorm(grads, 1.0);
    optimizer.applyGradients(clipped);
    losses.push(value.dataSync()[0]);
    tf.dispose([value, xs, ys, ...Object.values(grads), ...Object.values(clipped)]);
  });
  let valLoss = 0;
  await valDs.forEachAsync(({ xs, ys }) => {
    valLoss = tf.tidy(() => tf.losses.meanSquaredError(ys, predict(xs)).dataSync()[0]);
    tf.dispose([xs, ys]);
  });
  const train = losses.reduce((s, l) => s + l, 0) / losses.length;
  console.log(`epoch ${epoch}: train ${train.toFixed(4)} val ${valLoss.toFixed(4)} (baseline ~0.167)`);
  if (valLoss < best.loss) {
    if (best.weights) tf.dispose(Object.values(best.weights));
    best = { loss: valLoss, weights: snapshot() };
  }
}

for (const [k, p] of Object.entries(params)) p.assign(best.weights[k]);
console.log(`restored weights from best epoch, val mse ${best.loss.toFixed(4)}`);
