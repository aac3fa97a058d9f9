// A route classifies text with a model taken out of an object an async loader returns
// (`const { vocab, model } = await loadArtifacts(dir)`); the builder's last layer is already a
// softmax, and the route applies another.
import * as tf from '@tensorflow/tfjs';

function buildClassifier(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 16, inputLength: 8 }));
  model.add(tf.layers.lstm({ units: 24 }));
  model.add(tf.layers.dense({ units: 4, activation: 'softmax' }));
  return model;
}

async function loadArtifacts(fetchJson) {
  const vocab = await fetchJson('vocab.json');
  const model = buildClassifier(Object.keys(vocab).length + 1);
  return { vocab, model };
}

export async function serve(fetchJson, ids) {
  const { vocab, model } = await loadArtifacts(fetchJson);
  return tf.tidy(() => tf.softmax(model.predict(tf.tensor2d([ids], [1, 8]))).arraySync());
//                     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}
