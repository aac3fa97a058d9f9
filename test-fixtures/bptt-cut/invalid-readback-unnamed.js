// Each step's new state is read back to JS without a name of its own, clamped there, and rebuilt.
const tf = require('@tensorflow/tfjs');

const weights = {
  wx: tf.variable(tf.randomNormal([2, 8], 0, 0.1)),
  wh: tf.variable(tf.randomNormal([8, 8], 0, 0.1)),
  wo: tf.variable(tf.randomNormal([8, 1], 0, 0.1)),
};

function clampRows(rows) {
  return rows.map((row) => row.map((v) => Math.max(-3, Math.min(3, v))));
}

function forward(xs, steps) {
  let h = tf.zeros([xs.shape[0], 8]);
  for (let t = 0; t < steps; t++) {
    const pre = xs.gather([t], 1).squeeze([1]).matMul(weights.wx).add(h.matMul(weights.wh));
    h = tf.tensor2d(clampRows(tf.tanh(pre).arraySync()));
//      ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
  }
  return h.matMul(weights.wo);
}

function grads(xs, ys, steps) {
  return tf.variableGrads(() => tf.losses.meanSquaredError(ys, forward(xs, steps)));
}

module.exports = { grads };
