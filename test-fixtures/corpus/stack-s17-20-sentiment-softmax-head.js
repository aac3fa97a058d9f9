// expect: stacked-activation
// Sentiment classifier over token ids with an LSTM encoder; exposes train() and classify() for the API server.
const tf = require('@tensorflow/tfjs');

const LABELS = ['negative', 'neutral', 'positive'];

function buildClassifier({ vocabSize = 50, embedDim = 8, units = 16, maxLen = 12 } = {}) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: embedDim, inputLength: maxLen, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 1 }) }));
  model.add(tf.layers.lstm({ units, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 3 }) }));
  model.add(tf.layers.dense({ units: LABELS.length, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

function pad(ids, maxLen) {
  const out = ids.slice(0, maxLen);
  while (out.length < maxLen) out.unshift(0);
  return out;
}

function scores(model, batchIds) {
  return tf.tidy(() => {
    const x = tf.tensor2d(batchIds.map((ids) => pad(ids, 12)), undefined, 'int32');
    const out = model.predict(x);
    return tf.softmax(out);
  });
}

async function train(model, samples, epochs = 3) {
  const xs = tf.tensor2d(samples.map((s) => pad(s.ids, 12)), undefined, 'int32');
  const ys = tf.oneHot(tf.tensor1d(samples.map((s) => s.label), 'int32'), LABELS.length);
  const h = await model.fit(xs, ys, { epochs, batchSize: 8, verbose: 0 });
  tf.dispose([xs, ys]);
  return h.history.loss;
}

function classify(model, batchIds) {
  const probs = scores(model, batchIds);
  const rows = probs.arraySync();
  probs.dispose();
  return rows.map((p) => {
    const best = p.indexOf(Math.max(...p));
    return { label: LABELS[best], confidence: p[best], distribution: p };
  });
}

function routes(app, model) {
  app.post('/classify', (req, res) => {
    const batch = req.body && req.body.ids;
    if (!Array.isArray(batch)) return res.status(400).json({ error: 'ids must be an array of arrays' });
    return res.json(classify(model, batch));
  });
}

module.exports = { buildClassifier, train, classify, scores, routes, LABELS };
