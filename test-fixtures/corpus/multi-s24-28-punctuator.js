// expect: returns-input-state, tidy-disposed-state
// Live-caption punctuator: after each recognised word an LSTM decides whether to insert nothing, a comma or a full stop.
const tf = require('@tensorflow/tfjs');

const MARKS = ['', ',', '.'];
const DIM = 10;
const UNITS = 14;

const hashEmbed = (word) => {
  const v = new Array(DIM).fill(0);
  [...word.toLowerCase()].forEach((ch, i) => { v[(ch.charCodeAt(0) + i) % DIM] += 1 / word.length; });
  return v;
};

function makeLstm(seed = 8) {
  const W = tf.randomNormal([DIM, 4 * UNITS], 0, 0.3, 'float32', seed);
  const U = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', seed + 1);
  const b = tf.zeros([4 * UNITS]);
  return (x, state) => {
    const [i, f, g, o] = tf.split(x.matMul(W).add(state.h.matMul(U)).add(b), 4, 1);
    const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const h = tf.sigmoid(o).mul(tf.tanh(c));
    return { ...state, h };
  };
}

class Punctuator {
  #cell = makeLstm();
  #head = tf.randomNormal([UNITS, MARKS.length], 0, 0.5, 'float32', 77);
  #state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  #words = [];

  static #fromConfig(cfg) {
    return Object.assign(new Punctuator(), { minWords: cfg?.minWords ?? 3 });
  }

  static create(cfg) {
    return Punctuator.#fromConfig(cfg);
  }

  push(word) {
    const probs = tf.tidy(() => {
      const x = tf.tensor2d([hashEmbed(word)]);
      const next = this.#cell(x, this.#state);
      this.#state = next;
      return tf.softmax(next.h.matMul(this.#head)).squeeze();
    });
    const p = probs.arraySync();
    probs.dispose();
    const k = p.indexOf(Math.max(...p));
    this.#words.push(word + (this.#words.length + 1 >= (this.minWords ?? 0) ? MARKS[k] : ''));
    return MARKS[k];
  }

  get text() {
    return this.#words.join(' ');
  }

  reset() {
    tf.dispose([this.#state.h, this.#state.c]);
    this.#state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
    this.#words = [];
  }
}

module.exports = { Punctuator, makeLstm };

if (require.main === module) {
  const p = Punctuator.create({ minWords: 2 });
  const words = 'so we shipped the fix on friday and nobody noticed until monday morning'.split(' ');
  try {
    for (const w of words) p.push(w);
    console.log(p.text);
  } catch (e) {
    console.error('caption pipeline failed:', e.message);
    process.exitCode = 1;
  }
}
