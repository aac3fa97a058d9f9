// An LSTM step that returns its output next to the state object, rebuilt with a spread.
const tf = require('@tensorflow/tfjs');

const W = tf.randomNormal([3, 8]);
const U = tf.randomNormal([2, 8]);

function lstmStep(x, state) {
  const [i, f, g, o] = tf.split(x.matMul(W).add(state.h.matMul(U)), 4, 1);
  const cNew = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const h = tf.sigmoid(o).mul(tf.tanh(cNew));
  return [h, { ...state, c: cNew, h }];
  //              ~~~~~ returns-input-state
}

module.exports = { lstmStep };
