// A Keras-exported LSTM step whose new cell state is called `cc`: the old one is returned.
var tf = require('@tensorflow/tfjs');

function makeStep(weights) {
  return function lstmStep(x, state) {
    return tf.tidy(function () {
      var z = tf.matMul(x, weights.kernel).add(tf.matMul(state.h, weights.recurrentKernel));
      var parts = tf.split(z, 4, 1);
      var cc = tf.sigmoid(parts[1]).mul(state.c).add(tf.sigmoid(parts[0]).mul(tf.tanh(parts[2])));
      var hh = tf.sigmoid(parts[3]).mul(tf.tanh(cc));
      return { h: hh, c: state.c };
      //                 ~~~~~~~ returns-input-state
    });
  };
}

module.exports = { makeStep: makeStep };
