// expect: stale-state
// Command-line haiku generator: a word-level LSTM wrapper exposes predict/generate methods and streams words to stdout as they are sampled.
const tf = require('@tensorflow/tfjs');

class HaikuModel {
  constructor(vocab, units = 64) {
    this.vocab = vocab;
    this.units = units;
    const V = vocab.length;
    this.emb = tf.randomNormal([V, 32], 0, 0.2);
    this.W = tf.randomNormal([32, 4 * units], 0, 0.1);
    this.U = tf.randomNormal([units, 4 * units], 0, 0.1);
    this.b = tf.zeros([4 * units]);
    this.out = tf.randomNormal([units, V], 0, 0.1);
    this.lastState = null;
  }

  initState() {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  predict(wordId, state) {
    return tf.tidy(() => {
      const x = tf.gather(this.emb, [wordId]);
      const z = x.matMul(this.W).add(state.h.matMul(this.U)).add(this.b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(c));
      return { logits: h.matMul(this.out), state: { h, c } };
    });
  }

  sample(logits, temperature) {
    return tf.tidy(() => tf.multinomial(logits.div(temperature), 1).dataSync()[0]);
  }

  *generate(seedWord, maxWords = 17, temperature = 0.9) {
    const state = this.initState();
    let word = Math.max(0, this.vocab.indexOf(seedWord));
    for (let n = 0; n < maxWords; n++) {
      const { logits, state: nextState } = this.predict(word, state);
      word = this.sample(logits, temperature);
      logits.dispose();
      if (this.lastState) tf.dispose([this.lastState.h, this.lastState.c]);
      this.lastState = nextState;
      const token = this.vocab[word];
      if (token === '<eos>') break;
      yield token;
    }
    tf.dispose([state.h, state.c]);
  }
}

function formatHaiku(words) {
  const lines = [words.slice(0, 4), words.slice(4, 10), words.slice(10)];
  return lines.map((l) => l.join(' ')).join('\n');
}

function main() {
  const vocab = ['<eos>', 'autumn', 'moon', 'quiet', 'pond', 'frog', 'leaps', 'water', 'sound',
    'cold', 'wind', 'over', 'the', 'old', 'mountain', 'cherry', 'blossoms', 'fall'];
  const seed = process.argv[2] || 'autumn';
  const model = new HaikuModel(vocab);
  const words = [seed];
  process.stdout.write(seed);
  for (const w of model.generate(seed)) {
    process.stdout.write(' ' + w);
    words.push(w);
  }
  process.stdout.write('\n\n' + formatHaiku(words) + '\n');
}

if (require.main === module) main();
module.exports = { HaikuModel };
