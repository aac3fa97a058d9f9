// expect: stale-state
// Character-level text sampler with a fluent configuration API on top of a small char-RNN.
import * as tf from '@tensorflow/tfjs';

/** Deterministic PRNG so samples are reproducible from a seed. */
function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class CharRnn {
  /** @param {number} vocabSize @param {number} units */
  constructor(vocabSize, units, seed = 13) {
    this.units = units;
    this.embed = tf.randomNormal([vocabSize, units], 0, 0.5, 'float32', seed);
    this.wh = tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1);
    this.wo = tf.randomNormal([units, vocabSize], 0, 0.5, 'float32', seed + 2);
  }

  initialState() {
    return tf.zeros([1, this.units]);
  }

  /** @returns {{logits: tf.Tensor1D, hidden: tf.Tensor2D}} */
  step(tokenId, h) {
    return tf.tidy(() => {
      const x = tf.gather(this.embed, [tokenId]);
      const hidden = tf.tanh(x.add(h.matMul(this.wh)));
      return { logits: hidden.matMul(this.wo).squeeze([0]), hidden };
    });
  }
}

function sampleFrom(logits, temperature, rand) {
  const probs = tf.tidy(() => tf.softmax(logits.div(temperature)).dataSync());
  let u = rand();
  for (let i = 0; i < probs.length; i++) {
    u -= probs[i];
    if (u <= 0) return i;
  }
  return probs.length - 1;
}

/**
 * Usage: new Sampler(model, vocab).temperature(0.7).length(80).seed(1).generate('the ')
 */
export class Sampler {
  constructor(model, vocab) {
    this.model = model;
    this.vocab = vocab;
    this.opts = { temperature: 1, length: 40, seed: 1 };
  }

  temperature(t) { this.opts.temperature = t; return this; }
  length(n) { this.opts.length = n; return this; }
  seed(s) { this.opts.seed = s; return this; }

  /** @param {string} prime non-empty text made of vocab characters */
  generate(prime) {
    const rand = mulberry32(this.opts.seed);
    const ids = [...prime].map(ch => {
      const id = this.vocab.indexOf(ch);
      if (id < 0) throw new Error(`Character ${JSON.stringify(ch)} not in vocab`);
      return id;
    });

    // Feed the prime; keep the logits of its last character.
    let logits = null;
    let h = ids.reduce((state, id) => {
      if (logits) logits.dispose();
      const out = this.model.step(id, state);
      state.dispose();
      logits = out.logits;
      return out.hidden;
    }, this.model.initialState());

    let text = prime;
    let token = sampleFrom(logits, this.opts.temperature, rand);
    logits.dispose();
    for (let i = 0; i < this.opts.length; i++) {
      text += this.vocab[token];
      const { logits: next, hidden } = this.model.step(token, h);
      token = sampleFrom(next, this.opts.temperature, rand);
      next.dispose();
    }
    h.dispose();
    return text;
  }
}
