// expect: stale-state
// Hourly load forecaster: an LSTM built on tf.basicLSTMCell, trained on sliding windows with clipped gradients.
const tf = require('@tensorflow/tfjs');

const LOOKBACK = 24;
const FEATURES = 2; // normalised load, hour-of-day phase
const UNITS = 20;

const kernel = tf.variable(tf.randomUniform([FEATURES + UNITS, 4 * UNITS], -0.1, 0.1), true, 'lstm_kernel');
const bias = tf.variable(tf.zeros([4 * UNITS]), true, 'lstm_bias');
const forgetBias = tf.scalar(1.0);
const wOut = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1), true, 'out_w');
const bOut = tf.variable(tf.zeros([1]), true, 'out_b');

function syntheticLoad(hours) {
  const series = [];
  for (let t = 0; t < hours; t++) {
    const daily = Math.sin((2 * Math.PI * (t % 24)) / 24);
    const weekly = 0.3 * Math.sin((2 * Math.PI * t) / 168);
    series.push(0.5 + 0.35 * daily + weekly + 0.05 * (Math.random() - 0.5));
  }
  return series;
}

function makeWindows(series) {
  const windows = [];
  for (let i = 0; i + LOOKBACK < series.length; i += 3) {
    const xs = [];
    for (let t = i; t < i + LOOKBACK; t++) xs.push([series[t], Math.cos((2 * Math.PI * (t % 24)) / 24)]);
    windows.push({ xs, ys: [series[i + LOOKBACK]] });
  }
  return windows;
}

function encode(xs) {
  const batch = xs.shape[0];
  const state = [tf.zeros([batch, UNITS]), tf.zeros([batch, UNITS])];
  const outputs = [];
  for (let t = 0; t < LOOKBACK; t++) {
    const xt = xs.slice([0, t, 0], [batch, 1, FEATURES]).squeeze([1]);
    const [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, xt, state[0], state[1]);
    outputs.push(h);
  }
  return tf.stack(outputs, 1);
}

function predict(xs) {
  const seq = encode(xs);
  const last = seq.slice([0, LOOKBACK - 1, 0], [-1, 1, -1]).squeeze([1]);
  return last.matMul(wOut).add(bOut);
}

function clipGradients(grads, maxNorm) {
  const names = Object.keys(grads);
  const sq = names.map((n) => grads[n].square().sum());
  const norm = Math.sqrt(tf.addN(sq).dataSync()[0]);
  tf.dispose(sq);
  if (norm <= maxNorm) return grads;
  const scale = maxNorm / norm;
  const clipped = {};
  names.forEach((n) => { clipped[n] = grads[n].mul(scale); });
  tf.dispose(Object.values(grads));
  return clipped;
}

async function main() {
  const series = syntheticLoad(24 * 21);
  const split = Math.floor(series.length * 0.8);
  const trainDs = tf.data.array(makeWindows(series.slice(0, split))).shuffle(200).batch(32);
  const valDs = tf.data.array(makeWindows(series.slice(split))).batch(64);
  const optimizer = tf.train.adam(0.01);

  for (let epoch = 1; epoch <= 6; epoch++) {
    let sum = 0, n = 0;
    await trainDs.forEachAsync(({ xs, ys }) => {
      const { value, grads } = optimizer.computeGradients(() => tf.losses.meanSquaredError(ys, predict(xs)));
      optimizer.applyGradients(clipGradients(grads, 1.0));
      sum += value.dataSync()[0];
      n++;
      tf.dispose([value, xs, ys]);
    });
    let valSum = 0, valN = 0;
    await valDs.forEachAsync(({ xs, ys }) => {
      valSum += tf.tidy(() => tf.metrics.meanAbsoluteError(ys, predict(xs)).mean().dataSync()[0]);
      valN++;
    });
    console.log(`epoch ${epoch}  mse ${(sum / n).toFixed(5)}  val mae ${(valSum / valN).toFixed(4)}`);
  }
}

module.exports = { encode, predict, makeWindows, syntheticLoad };

if (require.main === module) main();
