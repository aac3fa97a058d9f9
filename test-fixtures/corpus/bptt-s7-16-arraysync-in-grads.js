// expect: bptt-cut
// Trains a recurrent next-value predictor on server CPU metrics, later used to flag readings with large prediction error.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const WINDOW = 48;
const HIDDEN = 32;
const CLAMP = 6;

function loadSeries(csvPath) {
  return fs
    .readFileSync(csvPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => parseFloat(line.split(',')[1]))
    .filter((v) => Number.isFinite(v));
}

function makeWindows(series, batchSize) {
  const batches = [];
  let xs = [];
  let ys = [];
  for (let i = 0; i + WINDOW + 1 < series.length; i += WINDOW / 2) {
    xs.push(series.slice(i, i + WINDOW));
    ys.push(series.slice(i + 1, i + WINDOW + 1));
    if (xs.length === batchSize) {
      batches.push({ xs, ys });
      xs = [];
      ys = [];
    }
  }
  return batches;
}

const p = {
  Wx: tf.variable(tf.randomNormal([1, HIDDEN], 0, 0.3), true, 'Wx'),
  Wh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 1 / Math.sqrt(HIDDEN)), true, 'Wh'),
  bh: tf.variable(tf.zeros([HIDDEN]), true, 'bh'),
  Wy: tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1), true, 'Wy'),
  by: tf.variable(tf.zeros([1]), true, 'by'),
};
const optimizer = tf.train.adam(1e-3);

function cell(x, h) {
  return tf.tanh(tf.addN([tf.matMul(x, p.Wx), tf.matMul(h, p.Wh), p.bh]));
}

// keeps long windows numerically sane; tanh should already bound it but the
// pre-activations blow up early in training
function clampState(h) {
  const rows = h.arraySync().map((row) => row.map((v) => (Number.isFinite(v) ? Math.max(-CLAMP, Math.min(CLAMP, v)) : 0)));
  return tf.tensor2d(rows);
}

function trainBatch(batch) {
  const B = batch.xs.length;
  const xT = tf.tensor2d(batch.xs).transpose(); // [T, B]
  const yT = tf.tensor2d(batch.ys).transpose();
  const { value, grads } = tf.variableGrads(() => {
    let h = tf.zeros([B, HIDDEN]);
    const losses = [];
    for (let t = 0; t < WINDOW; t++) {
      const x = xT.slice([t, 0], [1, B]).reshape([B, 1]);
      h = clampState(cell(x, h));
      const yHat = tf.add(tf.matMul(h, p.Wy), p.by);
      losses.push(tf.losses.meanSquaredError(yT.slice([t, 0], [1, B]).reshape([B, 1]), yHat));
    }
    return tf.addN(losses).div(WINDOW);
  });
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([xT, yT, value, ...Object.values(grads)]);
  return loss;
}

function main() {
  const args = process.argv.slice(2);
  const csv = args[0] || 'cpu.csv';
  const epochs = Number(args[1] || 20);
  const raw = loadSeries(csv);
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  const std = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / raw.length) || 1;
  const series = raw.map((v) => (v - mean) / std);
  const batches = makeWindows(series, 16);

  for (let epoch = 1; epoch <= epochs; epoch++) {
    let sum = 0;
    for (const b of batches) sum += tf.tidy(() => trainBatch(b));
    console.log(`epoch ${epoch} mse ${(sum / batches.length).toFixed(5)}`);
  }
  fs.writeFileSync('norm.json', JSON.stringify({ mean, std }));
}

main();
