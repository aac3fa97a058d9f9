// expect: stale-state
// char-rnn toy: hand rolled RNN (weights in a plain object), warms up on a seed string then samples more text
import * as tf from '@tensorflow/tfjs';

const VOCAB = 'abcdefghijklmnopqrstuvwxyz .,!'.split('');
const vocab_size = VOCAB.length;
const HIDDEN = 32;
let lastHidden: tf.Tensor2D | null = null; // kept around so continueFrom() can pick up later
let DEBUG = false;

function oneHot(idx: number): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d([idx], 'int32'), vocab_size).toFloat() as tf.Tensor2D);
}

export const rnn = {
  Wxh: tf.randomNormal([vocab_size, HIDDEN], 0, 0.3) as tf.Tensor2D,
  Whh: tf.randomNormal([HIDDEN, HIDDEN], 0, 0.3) as tf.Tensor2D,
  Why: tf.randomNormal([HIDDEN, vocab_size], 0, 0.3) as tf.Tensor2D,
  bh: tf.zeros([HIDDEN]) as tf.Tensor1D,
  by: tf.zeros([vocab_size]) as tf.Tensor1D,

  step(x: tf.Tensor2D, h: tf.Tensor2D): { logits: tf.Tensor2D; h: tf.Tensor2D } {
    return tf.tidy(() => {
      const hNew = tf.tanh(tf.add(tf.add(tf.matMul(x, this.Wxh), tf.matMul(h, this.Whh)), this.bh)) as tf.Tensor2D;
      const logits = tf.add(tf.matMul(hNew, this.Why), this.by) as tf.Tensor2D;
      return { logits, h: hNew };
    });
  },
};

function charIndex(ch: string): number {
  const i = VOCAB.indexOf(ch.toLowerCase());
  return i < 0 ? VOCAB.indexOf(' ') : i;
}

export function sample(seed: string, n: number, temperature = 1.0): string {
  const hidden = tf.zeros([1, HIDDEN]) as tf.Tensor2D;
  let out = seed;
  let idx = charIndex(seed[0]);

  for (let i = 1; i < seed.length + n; i++) {
    const x = oneHot(idx);
    const { logits, h } = rnn.step(x, hidden);
    if (lastHidden) lastHidden.dispose();
    lastHidden = h;

    if (i < seed.length) {
      // still feeding the seed, ignore the prediction
      idx = charIndex(seed[i]);
    } else {
      const next = tf.tidy(() => tf.multinomial(tf.div(logits, temperature) as tf.Tensor2D, 1));
      idx = next.dataSync()[0];
      next.dispose();
      out += VOCAB[idx];
    }
    if (DEBUG) console.log(i, VOCAB[idx], tf.memory().numTensors);
    tf.dispose([x, logits]);
  }
  hidden.dispose();
  return out;
}

export function hiddenNorm(): number {
  if (!lastHidden) return 0;
  const n = tf.norm(lastHidden);
  const v = n.dataSync()[0];
  n.dispose();
  return v;
}

function main() {
  const seeds = ['hello ', 'the cat ', 'once upon a time '];
  for (const s of seeds) {
    const txt = sample(s, 40, 0.8);
    console.log(JSON.stringify(txt));
    console.log('  |h| at end:', hiddenNorm().toFixed(3), ' tensors:', tf.memory().numTensors);
  }
}

if (require.main === module) {
  main();
}
