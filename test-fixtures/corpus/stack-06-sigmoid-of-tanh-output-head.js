// expect: stacked-activation
const tf = require('@tensorflow/tfjs');

const H = 12;
const W = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const V = tf.variable(tf.randomNormal([H, 1], 0, 0.1));

function step(x, h) {
  const hNew = tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U)));
  // Output probability squashed twice: the readout has no linear layer of its own.
  const prob = tf.sigmoid(tf.tanh(hNew.matMul(V)));
  return [prob, hNew];
}

module.exports = { step };
