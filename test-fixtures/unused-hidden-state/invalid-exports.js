// CommonJS exports: `exports.step(input, previous, weights)`, `previous` never used; a step that
// borrows only the state's shape.
'use strict';
const tf = require('@tensorflow/tfjs-node');

exports.step = function step(input, previous, weights) {
//                                  ~~~~~~~~ unused-hidden-state
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(input, weights.input), weights.bias)));
};

exports.unroll = function unroll(inputs, weights, size) {
  let previous = tf.zeros([1, size]);
  for (const input of inputs) previous = exports.step(input, previous, weights);
  return previous;
};

// `zerosLike(h)` takes h's shape, not its values.
exports.zeroCarryStep = function zeroCarryStep(x, h, W) {
//                                                ~ unused-hidden-state
  const carry = tf.zerosLike(h);
  return tf.tanh(tf.add(tf.matMul(x, W), carry));
};
