// Recurrent layers followed by what is not a second squashing: a kernel first, a layer per time
// step, a recurrent layer with an unbounded activation, or a state output that is unbounded.
const tf = require('@tensorflow/tfjs');

// LSTM -> dense -> softmax: the dense kernel comes between.
function buildClassifier(numClasses) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [20, 2] }));
  model.add(tf.layers.dense({ units: numClasses }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  return model;
}

// A dense layer applied at every step of the sequence.
function buildTagger(tags) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, returnSequences: true, inputShape: [20, 2] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: tags, activation: 'softmax' }) }));
  return model;
}

// A linear LSTM (`o * c`) and a relu GRU: their outputs are not squashed.
function buildLinear(numClasses) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: numClasses, activation: 'linear', inputShape: [20, 2] }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  return model;
}
function buildRelu(numClasses) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: numClasses, activation: 'relu', inputShape: [20, 2] }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  return model;
}

// An activation layer after a dense layer without an activation.
function buildDense() {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 8, inputShape: [4] }),
      tf.layers.activation({ activation: 'tanh' }),
    ],
  });
}

// `returnState`: the outputs include the cell state, which is not bounded.
const withState = tf.layers.lstm({ units: 16, returnState: true });
function readCell(batch) {
  const [, , c] = withState.apply(batch);
  return tf.tanh(c);
}

// An `rnn` wrapper around a cell, then an activation: the wrapper's output is not followed.
function buildWrapped() {
  const model = tf.sequential();
  model.add(tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 8 }), inputShape: [5, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  return model;
}

module.exports = { buildClassifier, buildTagger, buildLinear, buildRelu, buildDense, readCell, buildWrapped };
