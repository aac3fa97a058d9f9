// CommonJS exports: `exports.step(input, previous, weights)`, `previous` never used.
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
