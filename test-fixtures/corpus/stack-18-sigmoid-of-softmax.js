// expect: stacked-activation
const tf = require('@tensorflow/tfjs');

function tagProbabilities(h, W) {
  return tf.sigmoid(tf.softmax(h.matMul(W)));
}

module.exports = { tagProbabilities };
