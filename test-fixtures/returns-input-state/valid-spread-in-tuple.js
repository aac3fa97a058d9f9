// LSTM and GRU steps that return their output next to a state object rebuilt with a spread.
const tf = require('@tensorflow/tfjs');

const W = tf.randomNormal([3, 8]);
const U = tf.randomNormal([2, 8]);
const Wg = tf.randomNormal([3, 2]);
const Ug = tf.randomNormal([2, 2]);

function lstmStep(x, state) {
  const [i, f, g, o] = tf.split(x.matMul(W).add(state.h.matMul(U)), 4, 1);
  const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const h = tf.sigmoid(o).mul(tf.tanh(c));
  return [h, { ...state, h, c }];
}

// The spread keeps the step counter and the mask; the only recurrent member is rewritten.
function gruStep(x, state) {
  const h = tf.tanh(x.matMul(Wg).add(state.h.matMul(Ug))).mul(state.mask);
  return [h, { ...state, h, t: state.t + 1 }];
}

// The same as one object: the mask rides along in the spread.
function maskedStep(x, state) {
  const h = tf.tanh(x.matMul(Wg).add(state.h.matMul(Ug))).mul(state.mask);
  return { ...state, h };
}

module.exports = { lstmStep, gruStep, maskedStep };
