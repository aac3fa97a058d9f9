// expect: stacked-activation
// ES module: next-word suggestion helper around a small GRU language model built with tf.layers.
import * as tf from '@tensorflow/tfjs';

const DEFAULTS = {
  vocabSize: 5000,
  embedDim: 64,
  units: 128,
  maxLen: 12,
  topK: 5,
  padId: 0
};

export function buildSuggestModel(options = {}) {
  const o = Object.assign({}, DEFAULTS, options);
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: o.vocabSize, outputDim: o.embedDim, inputLength: o.maxLen, maskZero: true }));
  model.add(tf.layers.gru({ units: o.units, returnSequences: false }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: o.vocabSize, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

function padLeft(ids, maxLen, padId) {
  const tail = ids.slice(-maxLen);
  return new Array(maxLen - tail.length).fill(padId).concat(tail);
}

export class Suggester {
  constructor(model, vocab, options = {}) {
    this.opts = Object.assign({}, DEFAULTS, options);
    this.model = model;
    this.vocab = vocab;
    this.lookup = new Map(vocab.map((w, i) => [w, i]));
  }

  encode(text) {
    const unk = this.lookup.get('<unk>') ?? 1;
    return text.toLowerCase().split(/\s+/).filter(Boolean).map((w) => this.lookup.get(w) ?? unk);
  }

  async suggest(prefixes) {
    const { maxLen, padId, topK } = this.opts;
    const rows = prefixes.map((p) => padLeft(this.encode(p), maxLen, padId));
    const { values, indices } = tf.tidy(() => {
      const batch = tf.tensor2d(rows, [rows.length, maxLen], 'int32');
      const probs = tf.softmax(this.model.predict(batch));
      return tf.topk(probs, topK);
    });
    const [vals, idx] = await Promise.all([values.array(), indices.array()]);
    values.dispose();
    indices.dispose();
    return idx.map((row, r) =>
      row.map((id, k) => ({ word: this.vocab[id], p: Number(vals[r][k].toFixed(4)) }))
    );
  }

  async train(pairs, { epochs = 3, batchSize = 64 } = {}) {
    const { maxLen, padId } = this.opts;
    const xs = tf.tensor2d(pairs.map(([ctx]) => padLeft(this.encode(ctx), maxLen, padId)), undefined, 'int32');
    const ys = tf.tensor1d(pairs.map(([, next]) => this.lookup.get(next) ?? 1), 'float32');
    try {
      return await this.model.fit(xs, ys, { epochs, batchSize, shuffle: true, validationSplit: 0.1 });
    } finally {
      xs.dispose();
      ys.dispose();
    }
  }
}

export default Suggester;
