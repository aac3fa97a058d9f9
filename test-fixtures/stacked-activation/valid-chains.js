// JavaScript method chains and Sequential models with something linear between activations.
const tf = require('@tensorflow/tfjs');

const W = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const V = tf.variable(tf.randomNormal([8, 3], 0, 0.1));

// tanh, then a projection, then softmax.
function readout(h) {
  return h.tanh().matMul(V).softmax();
}

// A gated update written as a chain: the gate multiplies, it does not stack.
function gatedUpdate(x, h) {
  const gate = x.matMul(W).sigmoid();
  return gate.mul(h.matMul(W).tanh()).add(h.mul(tf.sub(1, gate)));
}

// Swish, x * sigmoid(x): one activation.
function swish(x) {
  return x.mul(x.sigmoid());
}

// An activation layer after a dense layer without one.
function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 8, inputShape: [10, 4] }));
  model.add(tf.layers.dense({ units: 4 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  return model;
}

// Batch normalisation (an affine map) between two activations.
function buildNormalised() {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }),
      tf.layers.batchNormalization(),
      tf.layers.activation({ activation: 'relu' }),
    ],
  });
}

module.exports = { readout, gatedUpdate, swish, buildModel, buildNormalised };

// A gated recurrent layer with an unbounded activation: `o * c` (linear) or `o * relu(c)` is not
// squashed, so an activation layer after it is the only squashing (see the rule doc).
function buildGatedThenActivation() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, activation: 'linear', inputShape: [20, 4] }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
  model.add(tf.layers.gru({ units: 8, activation: 'relu', returnSequences: false }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  return model;
}

// A dense kernel between the LSTM and the activation layer.
function gatedApplied(input) {
  const encoded = tf.layers.lstm({ units: 48 }).apply(input);
  const projected = tf.layers.dense({ units: 16 }).apply(encoded);
  return tf.layers.activation({ activation: 'tanh' }).apply(projected);
}

// A linear time-distributed dense layer, then the softmax: one activation.
function buildLinearDecoder() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 64, returnSequences: true, inputShape: [8, 12] }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 12 }) }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  return model;
}
