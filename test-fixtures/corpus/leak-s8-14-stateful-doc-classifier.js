// expect: state-leak
// Classifies long support tickets by topic, feeding each ticket in fixed-size chunks to a stateful LSTM model.
const tf = require('@tensorflow/tfjs');

const CHUNK = 20;
const EMBED_DIM = 24;
const TOPICS = ['billing', 'login', 'shipping', 'refund', 'other'];

function buildModel(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: EMBED_DIM, batchInputShape: [1, CHUNK] }));
  model.add(tf.layers.lstm({ units: 48, stateful: true, returnSequences: false }));
  model.add(tf.layers.dense({ units: TOPICS.length, activation: 'softmax' }));
  return model;
}

function toChunks(ids) {
  const chunks = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const piece = ids.slice(i, i + CHUNK);
    while (piece.length < CHUNK) piece.push(0);
    chunks.push(piece);
  }
  return chunks.length ? chunks : [new Array(CHUNK).fill(0)];
}

function encode(text, vocab) {
  return text
    .toLowerCase()
    .split(/\W+/)
    .filter(Boolean)
    .map((w) => (vocab.has(w) ? vocab.get(w) : 1));
}

class TicketRouter {
  constructor(vocabList) {
    this.vocab = new Map(vocabList.map((w, i) => [w, i + 2]));
    this.model = buildModel(vocabList.length + 2);
  }

  classify(tickets) {
    const results = [];
    this.model.resetStates();
    for (const ticket of tickets) {
      const chunks = toChunks(encode(ticket.body, this.vocab));
      let probs = null;
      for (const chunk of chunks) {
        if (probs) probs.dispose();
        probs = tf.tidy(() => this.model.predict(tf.tensor2d([chunk], [1, CHUNK], 'int32')));
      }
      const p = probs.dataSync();
      probs.dispose();
      const best = p.indexOf(Math.max(...p));
      results.push({ id: ticket.id, topic: TOPICS[best], confidence: p[best] });
    }
    return results;
  }
}

if (require.main === module) {
  const router = new TicketRouter(['invoice', 'charge', 'password', 'reset', 'package', 'late', 'refund', 'money']);
  const tickets = [
    { id: 'T-1', body: 'I was charged twice on my invoice, please check the charge' },
    { id: 'T-2', body: 'cannot reset my password, the login page keeps failing' },
    { id: 'T-3', body: 'my package is late again. '.repeat(8) },
  ];
  for (const r of router.classify(tickets)) {
    console.log(`${r.id}\t${r.topic}\t${r.confidence.toFixed(3)}`);
  }
}

module.exports = { TicketRouter };
