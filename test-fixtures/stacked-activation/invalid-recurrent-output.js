// An activation straight after an LSTM or GRU layer: the layer's output (`o * tanh(c)`, or a GRU's
// gate-weighted mix of tanh candidates) is already squashed to (-1, 1) by its activation.
const tf = require('@tensorflow/tfjs');

// A softmax layer over an LSTM whose units are the classes: a softmax of values in (-1, 1).
function buildClassifier(numClasses, steps) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: numClasses, inputShape: [steps, 2] }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
//          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}

// A GRU with a named squashing activation; the dropout between changes nothing.
function buildGated() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 8, activation: 'softsign', inputShape: [10, 3] }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
//          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  return model;
}

// The functional form: a tanh layer applied to the LSTM's output.
function buildForecaster(lookback, features) {
  const input = tf.input({ shape: [lookback, features] });
  const encoded = tf.layers.lstm({ units: 48 }).apply(input);
  const squashed = tf.layers.activation({ activation: 'tanh' }).apply(encoded);
//                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  const out = tf.layers.dense({ units: 1 }).apply(squashed);
  return tf.model({ inputs: input, outputs: out });
}

// An activation function applied to a GRU layer's output.
const encoder = tf.layers.gru({ units: 4 });
function score(batch) {
  return tf.softmax(encoder.apply(batch));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// A model ending in an LSTM: what `predict` returns is the LSTM's squashed output.
const encoderModel = tf.sequential();
encoderModel.add(tf.layers.lstm({ units: 8, inputShape: [5, 3] }));
function encode(x) {
  return tf.tanh(encoderModel.predict(x));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

module.exports = { buildClassifier, buildGated, buildForecaster, score, encode };
