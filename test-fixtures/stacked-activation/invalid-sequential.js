// Sequential models where an activation layer directly follows a layer that ends in an activation.
const tf = require('@tensorflow/tfjs');

function buildAdded() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 32, activation: 'tanh', inputShape: [20, 4] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
//          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

// A simpleRNN applies tanh by default; a dropout between changes nothing.
function buildDefault() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 16, inputShape: [20, 4] }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
//          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  return model;
}

// The array form, two activation layers in a row.
function buildArray() {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 8, inputShape: [4] }),
      tf.layers.activation({ activation: 'tanh' }),
      tf.layers.activation({ activation: 'relu' }),
//    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
      tf.layers.dense({ units: 1 }),
    ],
  });
}

// A plain function on an RNN layer's output.
const rnn = tf.layers.simpleRNN({ units: 16, activation: 'relu', returnSequences: false });
function score(batch) {
  return tf.sigmoid(rnn.apply(batch));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// A time-distributed dense layer that already ends in softmax, then a softmax layer.
function buildDecoder() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, returnSequences: true, inputShape: [8, 12] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 12, activation: 'softmax' }) }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
//          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  return model;
}

module.exports = { buildAdded, buildDefault, buildArray, score, buildDecoder };
