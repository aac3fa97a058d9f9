// A layer fetched from the model by its name is the layer the builder made with that name.
const tf = require('@tensorflow/tfjs');

function buildSentimentModel(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ name: 'embedding', inputDim: vocabSize, outputDim: 16, inputShape: [null] }));
  model.add(tf.layers.gru({ name: 'gru', units: 24 }));
  model.add(tf.layers.dense({ name: 'head', units: 1, activation: 'sigmoid' }));
  return model;
}

// The head, kept in the object a loader returns, applied once more through a sigmoid.
async function loadParts(url, vocabSize) {
  const saved = await tf.loadLayersModel(url);
  const model = buildSentimentModel(vocabSize);
  model.setWeights(saved.getWeights());
  return { model, head: model.getLayer('head') };
}

function positive(parts, h) {
  return tf.sigmoid(parts.head.apply(h));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// Fetched inline from a model held by a variable.
const explainer = buildSentimentModel(1000);
function confidence(h) {
  return tf.sigmoid(explainer.getLayer('head').apply(h));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

async function main(h) {
  const parts = await loadParts('/model.json', 1000);
  return [positive(parts, h), confidence(h)];
}

module.exports = { main };
