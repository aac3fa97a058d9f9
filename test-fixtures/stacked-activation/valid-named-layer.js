// Layers fetched by name that end in no activation, or whose name the file gives to two layers
// made differently, or that come from a loaded model.
const tf = require('@tensorflow/tfjs');

// The head is linear: it outputs logits, and the sigmoid is the only activation.
function buildLogitModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({ name: 'gru', units: 24, inputShape: [null, 16] }));
  model.add(tf.layers.dense({ name: 'logit', units: 1 }));
  return model;
}
const logitModel = buildLogitModel();
function positive(h) {
  return tf.sigmoid(logitModel.getLayer('logit').apply(h));
}

// Two models name different layers `readout`: which one is fetched is not known here.
function buildA() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ name: 'readout', units: 4, inputShape: [8], activation: 'tanh' }));
  return model;
}
function buildB() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ name: 'readout', units: 4, inputShape: [8] }));
  return model;
}
const a = buildA();
const b = buildB();
function readA(h) {
  return tf.softmax(a.getLayer('readout').apply(h));
}

// A loaded model's layers are whatever was saved, not the file's layer of the same name.
const local = tf.layers.dense({ name: 'scores', units: 3, activation: 'softmax' });
async function rank(url, h) {
  const loaded = await tf.loadLayersModel(url);
  return tf.softmax(loaded.getLayer('scores').apply(h));
}

module.exports = { positive, readA, b, local, rank };
