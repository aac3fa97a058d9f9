// expect: tidy-disposed-state
// Sentence encoder with an LSTM step inside tf.tidy: h is returned from the tidy, but the cell state is written to the outer `c` from inside the callback and gets disposed before the next token uses it.
const tf = require('@tensorflow/tfjs');

/**
 * @param {number} embDim
 * @param {number} units
 */
function createLstm(embDim, units) {
  const W = tf.variable(tf.randomNormal([embDim + units, 4 * units], 0, 0.1));
  const b = tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));
  return {
    units,
    /**
     * @param {tf.Tensor2D} x
     * @param {tf.Tensor2D} h
     * @param {tf.Tensor2D} c
     */
    step(x, h, c) {
      const z = tf.concat([x, h], 1).matMul(W).add(b);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNew = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
      const hNew = o.sigmoid().mul(cNew.tanh());
      return [hNew, cNew];
    },
  };
}

/**
 * @param {ReturnType<typeof createLstm>} lstm
 * @param {tf.Tensor2D} embeddings [vocab, embDim]
 * @param {number[]} tokenIds
 * @returns {Float32Array}
 */
function encodeSentence(lstm, embeddings, tokenIds) {
  let h = tf.zeros([1, lstm.units]);
  let c = tf.zeros([1, lstm.units]);
  for (const id of tokenIds) {
    const prevH = h;
    const prevC = c;
    h = tf.tidy(() => {
      const x = tf.gather(embeddings, [id]);
      const [hn, cn] = lstm.step(x, h, c);
      c = cn;
      return hn;
    });
    tf.dispose([prevH, prevC]);
  }
  const vec = /** @type {Float32Array} */ (h.dataSync().slice());
  tf.dispose([h, c]);
  return vec;
}

/**
 * @param {string[]} sentences
 * @param {Map<string, number>} vocab
 */
function encodeAll(sentences, vocab) {
  const embeddings = tf.randomNormal([vocab.size + 1, 16]);
  const lstm = createLstm(16, 24);
  const out = sentences.map((s) =>
    encodeSentence(
      lstm,
      embeddings,
      s.split(' ').map((w) => vocab.get(w) ?? vocab.size),
    ),
  );
  embeddings.dispose();
  return out;
}

if (require.main === module) {
  tf.setBackend('cpu').then(() => {
    const sentences = ['the quick brown fox', 'jumps over the lazy dog'];
    const vocab = new Map();
    sentences.join(' ').split(' ').forEach((w) => vocab.has(w) || vocab.set(w, vocab.size));
    const vecs = encodeAll(sentences, vocab);
    console.log(vecs.map((v) => v.slice(0, 4)));
  });
}

module.exports = { createLstm, encodeSentence, encodeAll };
