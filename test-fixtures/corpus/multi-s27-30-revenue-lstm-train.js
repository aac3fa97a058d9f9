// expect: returns-input-state, bptt-cut
// Trains an LSTM on 21-day windows of a chain's daily revenue (all regions batched) and prints a next-day forecast per region.
const tf = require('@tensorflow/tfjs');

const H = 12;
const WIN = 21;

function initParams(seed) {
  const v = (shape, k) => tf.variable(tf.randomNormal(shape, 0, 0.25, 'float32', seed + k));
  return { W: v([1, 4 * H], 0), U: v([H, 4 * H], 1), b: tf.variable(tf.zeros([4 * H])), Wy: v([H, 1], 2) };
}

function lstmStep(p, x, state) {
  const [h, c] = state;
  const z = x.matMul(p.W).add(h.matMul(p.U)).add(p.b);
  const [i, f, o, g] = tf.split(z, 4, 1);
  const c2 = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const h2 = tf.sigmoid(o).mul(tf.tanh(c2));
  return [h2, c];
}

function copyState(state) {
  return state.map((t) => tf.tensor(t.dataSync(), t.shape));
}

function forward(p, xb) {
  const batch = xb.shape[0];
  let state = [tf.zeros([batch, H]), tf.zeros([batch, H])];
  for (let t = 0; t < WIN; t++) {
    const xt = xb.slice([0, t], [batch, 1]);
    state = copyState(lstmStep(p, xt, state));
  }
  return state[0].matMul(p.Wy);
}

function windows(series) {
  const xs = [];
  const ys = [];
  for (let i = WIN; i < series.length; i++) {
    xs.push(series.slice(i - WIN, i));
    ys.push([series[i]]);
  }
  return { xs, ys };
}

function fit(p, regions, epochs) {
  const all = { xs: [], ys: [] };
  for (const series of Object.values(regions)) {
    const w = windows(series);
    all.xs.push(...w.xs);
    all.ys.push(...w.ys);
  }
  const x = tf.tensor2d(all.xs);
  const y = tf.tensor2d(all.ys);
  const opt = tf.train.rmsprop(0.01);
  const losses = [];
  for (let e = 0; e < epochs; e++) {
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, forward(p, x)));
    opt.applyGradients(grads);
    losses.push(value.dataSync()[0]);
    tf.dispose([value, grads]);
  }
  tf.dispose([x, y]);
  return losses;
}

function regionSeries(n, level, phase) {
  // revenue in $100k units with weekly seasonality
  return Array.from({ length: n }, (_, d) => level + 0.4 * Math.sin((2 * Math.PI * d) / 7 + phase) + 0.1 * Math.sin(d / 11));
}

function forecast(p, regions) {
  const out = {};
  for (const [name, series] of Object.entries(regions)) {
    const v = tf.tidy(() => forward(p, tf.tensor2d([series.slice(-WIN)])).dataSync()[0]);
    out[name] = v;
  }
  return out;
}

module.exports = { initParams, lstmStep, forward, fit, forecast, regionSeries };

if (require.main === module) {
  const p = initParams(231);
  const regions = { north: regionSeries(90, 1.2, 0), south: regionSeries(90, 0.8, 1), west: regionSeries(90, 1.6, 2) };
  const losses = fit(p, regions, 25);
  console.log(`mse ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)}`);
  for (const [k, v] of Object.entries(forecast(p, regions))) console.log(`${k}: next day ~ $${(v * 100).toFixed(0)}k`);
}
