// Values read back and rebuilt inside the closure that are not the recurrent state: a running
// maximum of the inputs (no weight multiplies it), and the state's copy kept for a plot.
const tf = require('@tensorflow/tfjs');

const weights = {
  wx: tf.variable(tf.randomNormal([2, 8], 0, 0.1)),
  wh: tf.variable(tf.randomNormal([8, 8], 0, 0.1)),
  wo: tf.variable(tf.randomNormal([8, 1], 0, 0.1)),
};

function forward(xs, steps, plot) {
  let h = tf.zeros([xs.shape[0], 8]);
  let peak = tf.zeros([xs.shape[0], 2]);
  for (let t = 0; t < steps; t++) {
    const x = xs.gather([t], 1).squeeze([1]);
    peak = tf.tensor2d(tf.maximum(peak, x).arraySync());
    h = tf.tanh(x.matMul(weights.wx).add(h.matMul(weights.wh)));
    plot.push(tf.tensor2d(tf.abs(h).arraySync()));
  }
  return h.matMul(weights.wo).add(peak.sum(1, true));
}

function grads(xs, ys, steps, plot) {
  return tf.variableGrads(() => tf.losses.meanSquaredError(ys, forward(xs, steps, plot)));
}

module.exports = { grads };
