// expect: none
// Observable notebook: adding-problem RNN trained with tf.variableGrads, with gradient norms tabulated per variable.
import * as tf from '@tensorflow/tfjs';

// --- cell: task (sum of the two marked values in a sequence) ---
const T = 10;
const B = 32;
const H = 16;
function batch(seed) {
  return tf.tidy(() => {
    const vals = tf.randomUniform([B, T], 0, 1, 'float32', seed);
    const marks = tf.oneHot(tf.tensor1d([1, 6], 'int32'), T).toFloat().sum(0).expandDims(0).tile([B, 1]);
    const xs = tf.stack([vals, marks], 2);
    const y = vals.mul(marks).sum(1, true);
    return { xs, y };
  });
}

// --- cell: params ---
const Wx = tf.variable(tf.randomNormal([2, H], 0, 0.5, 'float32', 1), true, 'Wx');
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.25, 'float32', 2), true, 'Wh');
const bh = tf.variable(tf.zeros([H]), true, 'bh');
const Wy = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 3), true, 'Wy');
const by = tf.variable(tf.zeros([1]), true, 'by');

// --- cell: forward, unrolled over all T steps ---
function forward(xs) {
  const frames = tf.unstack(xs, 1);
  let h = tf.zeros([xs.shape[0], H]);
  for (const x of frames) h = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(bh));
  return { yHat: tf.matMul(h, Wy).add(by), h };
}

// --- cell: one training run ---
function run(lr, iters) {
  const opt = tf.train.adam(lr);
  const log = [];
  for (let it = 0; it < iters; it++) {
    const { xs, y } = batch(it);
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, forward(xs).yHat));
    if (it % 50 === 0) {
      const norms = Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, +g.norm().dataSync()[0].toExponential(2)]));
      log.push({ it, loss: +value.dataSync()[0].toFixed(4), ...norms });
    }
    opt.applyGradients(grads);
    tf.dispose([value, grads, xs, y]);
  }
  return log;
}

// --- cell: experiment 1 ---
console.table(run(0.01, 200));

// --- cell: experiment 2, keep going from there with a smaller step ---
console.table(run(0.003, 200));

// --- cell: look at the final hidden state of one sequence (plain numbers for the plot) ---
const probe = batch(12345);
const hRows = tf.tidy(() => forward(probe.xs).h.slice([0, 0], [1, -1])).arraySync();
console.log('h[0] =', hRows[0].map((v) => v.toFixed(2)).join(' '));
tf.dispose([probe.xs, probe.y]);
console.log('tensors alive:', tf.memory().numTensors);
