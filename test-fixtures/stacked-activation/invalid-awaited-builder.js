// A stateful char sampler whose model an async loader builds (and fills with saved weights); the
// sampler gets it as a parameter from `await loadSampler()`. The builder's last layer is already a
// softmax, and the sampler applies another after a `.squeeze()`.
import * as tf from '@tensorflow/tfjs';

function buildSampler(vocab) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, 1, vocab] }));
  model.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));
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
//                     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export async function sample(vocab, x) {
  const model = await loadSampler(vocab);
  return nextProbs(model, x).dataSync();
}
