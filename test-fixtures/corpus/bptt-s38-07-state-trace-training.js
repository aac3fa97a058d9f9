// expect: bptt-cut
// Trains a vanilla RNN regressor on load-forecast windows and writes per-step hidden-state traces for a visualisation dashboard.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');

const FEATURES = 5;
const HIDDEN = 32;
const OUT_DIR = './traces';

const W = {
  wx: tf.variable(tf.randomNormal([FEATURES, HIDDEN], 0, 0.1), true, 'wx'),
  wh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.1), true, 'wh'),
  b: tf.variable(tf.zeros([HIDDEN]), true, 'b'),
  out: tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1), true, 'out'),
  outB: tf.variable(tf.zeros([1]), true, 'outB'),
};
const optimizer = tf.train.rmsprop(5e-3);

function rnnStep(x, h) {
  return tf.tanh(tf.matMul(x, W.wx).add(tf.matMul(h, W.wh)).add(W.b));
}

function loadWindows(file) {
  const { windows, targets } = JSON.parse(fs.readFileSync(file, 'utf8'));
  // windows: [N][T][F] -> time-major [T][N][F]
  const xs = tf.tidy(() => tf.tensor3d(windows).transpose([1, 0, 2]));
  const ys = tf.tensor2d(targets, [targets.length, 1]);
  return { xs, ys };
}

function trainBatch(xs, ys, trace) {
  const loss = optimizer.minimize(() => {
    const steps = tf.unstack(xs);
    let h = tf.zeros([xs.shape[1], HIDDEN]);
    for (let t = 0; t < steps.length; t++) {
      const next = rnnStep(steps[t], h);
      const snapshot = next.arraySync();
      trace.push(snapshot[0]);
      h = tf.tensor2d(snapshot);
    }
    const pred = tf.matMul(h, W.out).add(W.outB);
    return tf.losses.meanSquaredError(ys, pred);
  }, true);
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

function saveCheckpoint(epoch) {
  const weights = {};
  for (const [name, v] of Object.entries(W)) weights[name] = { shape: v.shape, values: Array.from(v.dataSync()) };
  fs.writeFileSync(path.join(OUT_DIR, `ckpt-${epoch}.json`), JSON.stringify({ epoch, weights }));
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const { xs, ys } = loadWindows('./load-windows.json');
  for (let epoch = 0; epoch < 30; epoch++) {
    const trace = [];
    const loss = trainBatch(xs, ys, trace);
    fs.writeFileSync(path.join(OUT_DIR, `trace-${epoch}.json`), JSON.stringify(trace));
    if (epoch % 5 === 4) saveCheckpoint(epoch);
    console.log(`epoch ${epoch} loss=${loss.toFixed(5)} tensors=${tf.memory().numTensors}`);
  }
  tf.dispose([xs, ys]);
}

main();
