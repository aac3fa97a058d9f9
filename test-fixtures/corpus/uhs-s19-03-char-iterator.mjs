// expect: unused-hidden-state
// Character-level sampler exposed as a hand-written iterator so callers can `for...of` over generated characters.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 'abcdefghijklmnopqrstuvwxyz .'.split('');

export function initParams(hidden = 32, seed = 3) {
  const v = VOCAB.length;
  return {
    embedding: tf.randomNormal([v, hidden], 0, 0.5, 'float32', seed),
    Wxh: tf.randomNormal([hidden, hidden], 0, 0.3, 'float32', seed + 1),
    Whh: tf.randomNormal([hidden, hidden], 0, 0.3, 'float32', seed + 2),
    bh: tf.zeros([hidden]),
    Why: tf.randomNormal([hidden, v], 0, 0.3, 'float32', seed + 3),
    by: tf.zeros([v]),
  };
}

export class CharSampler {
  constructor(params, seedText, maxLen = 40) {
    this.p = params;
    this.maxLen = maxLen;
    this.emitted = 0;
    this.current = VOCAB.indexOf(seedText[seedText.length - 1] || ' ');
    this.h = tf.zeros([1, params.Whh.shape[0]]);
  }

  withState(h) {
    this.h.dispose();
    this.h = tf.clone(h);
    return this;
  }

  [Symbol.iterator]() {
    return this;
  }

  next() {
    if (this.emitted >= this.maxLen) {
      this.h.dispose();
      return { value: undefined, done: true };
    }
    const p = this.p;
    const [hNext, idx] = tf.tidy(() => {
      const e = tf.gather(p.embedding, [this.current]);
      const pre = tf.matMul(e, p.Wxh).add(tf.matMul(e, p.Whh)).add(p.bh);
      const h = tf.tanh(pre);
      const logits = tf.matMul(h, p.Why).add(p.by);
      return [h, tf.argMax(logits, 1)];
    });
    const next = idx.dataSync()[0];
    idx.dispose();
    this.h.dispose();
    this.h = hNext;
    this.current = next;
    this.emitted += 1;
    return { value: VOCAB[next], done: false };
  }

  return() {
    this.emitted = this.maxLen;
    this.h.dispose();
    return { value: undefined, done: true };
  }
}

export function sample(params, seedText, len) {
  let out = '';
  for (const ch of new CharSampler(params, seedText, len)) out += ch;
  return out;
}
