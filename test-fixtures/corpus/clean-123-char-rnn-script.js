// expect: none
// A whole char-RNN script: stateless training on windows with model.fit, then stateful sampling
// of one sequence with a model that shares the weights, reset before each sample.
const tf = require('@tensorflow/tfjs-node');

function buildTrainModel(vocab, units, seqLen) {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units, returnSequences: false, inputShape: [seqLen, vocab] }));
  m.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return m;
}

function buildSampler(trained, vocab, units) {
  const s = tf.sequential();
  s.add(tf.layers.lstm({ units, stateful: true, batchInputShape: [1, 1, vocab] }));
  s.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));
  s.setWeights(trained.getWeights());
  return s;
}

async function trainModel(model, xs, ys, epochs) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    const h = await model.fit(xs, ys, { epochs: 1, batchSize: 64, shuffle: true });
    console.log(`epoch ${epoch} loss ${h.history.loss[0].toFixed(3)}`);
  }
}

function sample(sampler, vocab, seedId, length, temperature) {
  sampler.resetStates();
  const out = [seedId];
  for (let i = 0; i < length; i++) {
    const next = tf.tidy(() => {
      const x = tf.oneHot([out[out.length - 1]], vocab).toFloat().reshape([1, 1, vocab]);
      const p = sampler.predict(x);
      const logits = tf.log(p).div(temperature);
      return tf.multinomial(logits, 1).dataSync()[0];
    });
    out.push(next);
  }
  return out;
}

module.exports = { buildTrainModel, buildSampler, trainModel, sample };
