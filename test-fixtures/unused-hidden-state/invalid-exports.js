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

// A state object read member by member: `state.c` is never read, the new `c` has no forget path.
const Wg = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
const Ug = tf.variable(tf.randomNormal([8, 32], 0, 0.1));

exports.lstmStep = function lstmStep(x, state) {
//                                      ~~~~~ unused-hidden-state
  const z = tf.matMul(x, Wg).add(tf.matMul(state.h, Ug));
  const [i, , g, o] = tf.split(z, 4, 1);
  const c = tf.sigmoid(i).mul(tf.tanh(g));
  const h = tf.sigmoid(o).mul(tf.tanh(c));
  return { h, c };
};
