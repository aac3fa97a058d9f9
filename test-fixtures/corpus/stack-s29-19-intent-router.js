// expect: stacked-activation
// Express router for the help-desk bot: tags an incoming message with intents using an embedding + LSTM model.
const tf = require('@tensorflow/tfjs');

const INTENTS = ['billing', 'refund', 'login', 'shipping', 'cancel', 'other'];
const MAX_LEN = 24;
const vocab = new Map();

function tokenize(text) {
  return text.toLowerCase().split(/\W+/).filter(Boolean).slice(0, MAX_LEN).map((w) => {
    if (!vocab.has(w)) vocab.set(w, 1 + (vocab.size % 499));
    return vocab.get(w);
  });
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: 500, outputDim: 16, inputLength: MAX_LEN, maskZero: true }));
  model.add(tf.layers.lstm({ units: 16 }));
  model.add(tf.layers.dense({ units: INTENTS.length, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}

function toProbabilities(scores) {
  return tf.softmax(scores);
}

function padBatch(seqs) {
  return tf.tensor2d(seqs.map((s) => [...new Array(MAX_LEN - s.length).fill(0), ...s]), undefined, 'float32');
}

function createIntentRouter(app, model = buildModel()) {
  app.post('/intents', async (req, res) => {
    const messages = Array.isArray(req.body && req.body.messages) ? req.body.messages : null;
    if (!messages || messages.length === 0) {
      res.status(400).json({ error: 'messages[] required' });
      return;
    }

    const input = padBatch(messages.map(tokenize));
    const probs = tf.tidy(() => toProbabilities(model.predict(input)));
    const rows = await probs.array();
    tf.dispose([input, probs]);

    res.json({
      results: rows.map((row, i) => ({
        text: messages[i],
        intents: row
          .map((p, k) => ({ intent: INTENTS[k], p: Number(p.toFixed(3)) }))
          .filter((e) => e.p >= 0.3)
          .sort((a, b) => b.p - a.p),
      })),
    });
  });

  app.get('/intents/labels', (_req, res) => res.json({ intents: INTENTS }));
  return model;
}

module.exports = { createIntentRouter, tokenize, buildModel };
