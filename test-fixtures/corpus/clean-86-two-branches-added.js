// expect: none
// Two activations on separate branches, summed: nothing is squashed twice.
const tf = require('@tensorflow/tfjs');

function step(x, h, p) {
  const fromInput = tf.tanh(x.matMul(p.W));
  const fromState = tf.relu(h.matMul(p.U));
  return fromInput.add(fromState).mul(0.5);
}

module.exports = { step };
