// expect: bptt-cut
// Simple Recurrent Unit (Lei et al., 2018) forecaster for multivariate building-sensor data, trained end to end.
import * as tf from '@tensorflow/tfjs';

const F = 6; // sensors: temperature, humidity, CO2, occupancy, power, outside temperature
const U = 32;
const WINDOW = 48;

const v = (shape, s) => tf.variable(tf.randomNormal(shape, 0, s));
const p = {
  // the three input projections (x̃, f, r) are computed for all steps in a single matmul
  W: v([F, 3 * U], 1 / Math.sqrt(F)),
  vf: v([U], 0.1),
  vr: v([U], 0.1),
  bf: tf.variable(tf.zeros([U])),
  br: tf.variable(tf.zeros([U])),
  Wskip: v([F, U], 1 / Math.sqrt(F)), // highway path when F != U
  Wout: v([U, 1], 0.1),
  bout: tf.variable(tf.zeros([1])),
};

function sru(xs) {
  const [B, T] = xs.shape;
  const flat = tf.reshape(xs, [B * T, F]);
  const proj = tf.reshape(tf.matMul(flat, p.W), [B, T, 3 * U]);
  const skip = tf.reshape(tf.matMul(flat, p.Wskip), [B, T, U]);
  let c = tf.zeros([B, U]);
  let h = null;
  for (let t = 0; t < T; t++) {
    const [xt, ft, rt] = tf.split(tf.reshape(tf.slice(proj, [0, t, 0], [B, 1, 3 * U]), [B, 3 * U]), 3, 1);
    const f = tf.sigmoid(tf.add(tf.add(ft, tf.mul(p.vf, c)), p.bf));
    const r = tf.sigmoid(tf.add(tf.add(rt, tf.mul(p.vr, c)), p.br));
    const cNew = tf.add(tf.mul(f, c), tf.mul(tf.sub(1, f), xt));
    const skipT = tf.reshape(tf.slice(skip, [0, t, 0], [B, 1, U]), [B, U]);
    h = tf.add(tf.mul(r, tf.tanh(cNew)), tf.mul(tf.sub(1, r), skipT));
    // sensor dropouts occasionally produce non-finite cell values; zero them
    const cleaned = Float32Array.from(cNew.dataSync(), (val) => (Number.isFinite(val) ? val : 0));
    c = tf.tensor2d(cleaned, [B, U]);
  }
  return h;
}

const forecast = (xs) => tf.add(tf.matMul(sru(xs), p.Wout), p.bout);

function syntheticSeries(length) {
  const rows = [];
  for (let t = 0; t < length; t++) {
    const day = Math.sin((2 * Math.PI * t) / 96);
    const occ = day > 0.2 ? 1 : 0;
    rows.push([
      21 + 2 * day + 0.2 * Math.random(),
      45 + 5 * Math.cos((2 * Math.PI * t) / 96),
      400 + 300 * occ + 20 * Math.random(),
      occ,
      1.5 + occ * 2 + 0.1 * Math.random(),
      10 + 6 * day,
    ]);
  }
  return rows;
}

function windows(series, count) {
  const xs = [], ys = [];
  for (let k = 0; k < count; k++) {
    const start = Math.floor(Math.random() * (series.length - WINDOW - 1));
    xs.push(series.slice(start, start + WINDOW));
    ys.push([series[start + WINDOW][0]]); // next-step indoor temperature
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

const series = syntheticSeries(5000);
const mean = series[0].map((_, j) => series.reduce((s, r) => s + r[j], 0) / series.length);
const std = series[0].map((_, j) => Math.sqrt(series.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / series.length) + 1e-6);
const normed = series.map((r) => r.map((val, j) => (val - mean[j]) / std[j]));

const optimizer = tf.train.adam(1e-3);
for (let step = 1; step <= 300; step++) {
  const { xs, ys } = windows(normed, 32);
  const loss = optimizer.minimize(() => tf.losses.meanSquaredError(ys, forecast(xs)), true);
  if (step % 25 === 0) console.log(`step ${step}  mse ${(await loss.data())[0].toFixed(4)}`);
  tf.dispose([xs, ys, loss]);
}
