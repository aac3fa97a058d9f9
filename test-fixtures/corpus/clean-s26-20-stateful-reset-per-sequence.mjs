// expect: none
// Observable cells: stateful SimpleRNN model fed one reading at a time, like the live dashboard, over several recorded runs.
import * as tf from '@tensorflow/tfjs';

// --- cell: model ---
const F = 3;
const model = tf.sequential();
model.add(
  tf.layers.simpleRNN({
    units: 10,
    stateful: true,
    batchInputShape: [1, 1, F],
    kernelInitializer: tf.initializers.randomNormal({ stddev: 0.7, seed: 1 }),
    recurrentInitializer: tf.initializers.randomNormal({ stddev: 0.5, seed: 2 }),
  }),
);
model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.randomNormal({ stddev: 1, seed: 3 }) }));

// --- cell: recorded runs ---
const makeRun = (len, k) =>
  Array.from({ length: len }, (_, i) => [Math.sin(i * k), Math.cos(i * k), (i % 4) / 4]);
let runs = { warmup: makeRun(6, 0.5), cruise: makeRun(10, 0.2), landing: makeRun(8, 0.9) };

// --- cell: feed one run step by step ---
let latest = null; // last prediction, shown in the dashboard
async function feedRun(rows) {
  model.resetStates();
  const trace = [];
  for (const row of rows) {
    const y = tf.tidy(() => model.predict(tf.tensor3d([[row]])));
    latest = (await y.data())[0];
    y.dispose();
    trace.push(latest);
  }
  return trace;
}

// --- cell: every run ---
const summary = [];
for (const [name, rows] of Object.entries(runs)) {
  const trace = await feedRun(rows);
  summary.push({ name, steps: trace.length, first: +trace[0].toFixed(4), last: +trace[trace.length - 1].toFixed(4) });
}
console.table(summary);

// --- cell: re-run "cruise" after "landing" to be sure the numbers match the table ---
runs = { ...runs, cruise2: runs.cruise };
const again = await feedRun(runs.cruise2);
console.log('cruise again, last =', again[again.length - 1].toFixed(4));

// --- cell: same with the layer-level reset, for the worker version ---
const rnnLayer = model.layers[0];
rnnLayer.resetStates();
const y0 = tf.tidy(() => model.predict(tf.tensor3d([[runs.warmup[0]]])));
console.log('first warmup step via layer reset =', (await y0.data())[0].toFixed(4));
y0.dispose();
console.log('tensors alive:', tf.memory().numTensors);
