// expect: stacked-activation
const tf = require('@tensorflow/tfjs');

const rnn = tf.layers.simpleRNN({ units: 16, activation: 'relu', returnSequences: false });

function score(batch) {
  // The RNN's own relu output is squashed again by a sigmoid, with no readout layer between.
  return tf.sigmoid(rnn.apply(batch));
}

module.exports = { score };
