// The same loader shape, but the builder's head gives logits (no activation on the last dense), so
// the route's softmax is the only one; and a second model, taken the same way, ends in a softmax
// whose probabilities are used as they are (argMax, log for sampling), never squashed again.
import * as tf from '@tensorflow/tfjs';

function buildLogits(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 16, inputLength: 8 }));
  model.add(tf.layers.lstm({ units: 24 }));
  model.add(tf.layers.dense({ units: 4 }));
  return model;
}

function buildProbs(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 16, inputLength: 8 }));
  model.add(tf.layers.gru({ units: 24 }));
  model.add(tf.layers.dense({ units: 4, activation: 'softmax' }));
  return model;
}

async function loadArtifacts(fetchJson) {
  const vocab = await fetchJson('vocab.json');
  const model = buildLogits(Object.keys(vocab).length + 1);
  const sampler = buildProbs(Object.keys(vocab).length + 1);
  return { vocab, model, sampler };
}

export async function serve(fetchJson, ids) {
  const { model, sampler } = await loadArtifacts(fetchJson);
  return tf.tidy(() => {
    const x = tf.tensor2d([ids], [1, 8]);
    const probs = tf.softmax(model.predict(x));
    const p = sampler.predict(x);
    return [probs.argMax(-1).arraySync(), p.argMax(-1).arraySync(), tf.multinomial(tf.log(p), 1).arraySync()];
  });
}
