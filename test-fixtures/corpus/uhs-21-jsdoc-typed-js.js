// expect: unused-hidden-state
// @ts-check
const tf = require('@tensorflow/tfjs');

/**
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} hidden
 * @param {{Wx: tf.Tensor2D, Wh: tf.Tensor2D, b: tf.Tensor1D}} p
 * @returns {tf.Tensor2D}
 */
function elmanStep(x, hidden, p) {
  return tf.tanh(tf.add(tf.matMul(x, p.Wx), p.b));
}

/** @param {tf.Tensor2D[]} xs */
function run(xs, p, units) {
  let hidden = tf.zeros([1, units]);
  for (const x of xs) hidden = elmanStep(x, hidden, p);
  return hidden;
}

module.exports = { elmanStep, run };
