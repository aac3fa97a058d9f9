// The same awaited loader, but the builder's last dense layer is linear: the sampler's softmax
// after `.squeeze()` is the only one.
import * as tf from '@tensorflow/tfjs';

function buildSampler(vocab) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, 1, vocab] }));
  model.add(tf.layers.dense({ units: vocab }));
  return model;
}

async function loadSampler(vocab) {
  const saved = await tf.loadLayersModel('localstorage://sampler');
  const model = buildSampler(vocab);
  model.setWeights(saved.getWeights());
  return model;
}

function nextProbs(model, x) {
  return tf.tidy(() => tf.softmax(model.predict(x).squeeze()));
}

export async function sample(vocab, x) {
  const model = await loadSampler(vocab);
  return nextProbs(model, x).dataSync();
}
