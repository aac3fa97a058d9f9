// expect: unused-hidden-state
// Support-bot intent classifier: encodes each user turn with a GRU that continues from the previous turn's context.
const tf = require('@tensorflow/tfjs');

const INTENTS = ['greeting', 'order_status', 'refund', 'cancel', 'human_agent', 'goodbye'];

class ContextualIntentModel {
  constructor({ vocabSize = 500, embedDim = 24, units = 32, seed = 5 } = {}) {
    this.units = units;
    this.embedding = tf.layers.embedding({
      inputDim: vocabSize,
      outputDim: embedDim,
      maskZero: true,
      embeddingsInitializer: tf.initializers.randomNormal({ stddev: 0.3, seed }),
    });
    this.encoder = tf.layers.gru({
      units,
      kernelInitializer: tf.initializers.glorotNormal({ seed: seed + 1 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 2 }),
    });
    this.classifier = tf.layers.dense({
      units: INTENTS.length,
      kernelInitializer: tf.initializers.glorotNormal({ seed: seed + 3 }),
    });
  }

  emptyContext() {
    return tf.zeros([1, this.units]);
  }

  /**
   * tokenIds: padded ids of the current turn, context: [1, units] from the previous turn.
   * Returns intent probabilities and the context to hand to the next turn.
   */
  forward(tokenIds, context) {
    return tf.tidy(() => {
      const ids = tf.tensor2d([tokenIds], undefined, 'int32');
      const emb = this.embedding.apply(ids);
      const summary = this.encoder.apply(emb, { initial_state: [context] });
      const probs = tf.softmax(this.classifier.apply(summary));
      return { probs, context: summary };
    });
  }
}

function tokenize(text, vocab, maxLen = 12) {
  const ids = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      if (!vocab.has(w)) vocab.set(w, vocab.size + 1);
      return vocab.get(w);
    });
  return ids.slice(0, maxLen).concat(new Array(Math.max(0, maxLen - ids.length)).fill(0));
}

async function runConversation(model, turns, vocab) {
  let context = model.emptyContext();
  const results = [];
  for (const text of turns) {
    const { probs, context: next } = model.forward(tokenize(text, vocab), context);
    const p = await probs.data();
    const best = p.indexOf(Math.max(...p));
    results.push({ text, intent: INTENTS[best], p: Array.from(p) });
    probs.dispose();
    context.dispose();
    context = next;
  }
  context.dispose();
  return results;
}

module.exports = { ContextualIntentModel, runConversation, tokenize, INTENTS };

if (require.main === module) {
  const model = new ContextualIntentModel();
  const vocab = new Map();
  runConversation(model, ['hi there', 'where is my parcel', 'yes that one'], vocab).then((res) => {
    for (const r of res) console.log(r.intent.padEnd(14), r.text);
  });
}
