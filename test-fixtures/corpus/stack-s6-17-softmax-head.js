// expect: stacked-activation
// A support chatbot's reply decoder: an LSTM cell from tf.layers drives a vocabulary projection layer, and replies are decoded greedily token by token.
const tf = require('@tensorflow/tfjs');

class ReplyDecoder {
  constructor(vocabSize, units = 256) {
    this.vocabSize = vocabSize;
    this.units = units;
    this.embedding = tf.variable(tf.randomNormal([vocabSize, 64], 0, 0.05), true, 'dec/emb');
    this.W = tf.variable(tf.randomNormal([64, 4 * units], 0, 0.05), true, 'dec/W');
    this.U = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.05), true, 'dec/U');
    this.b = tf.variable(tf.zeros([4 * units]), true, 'dec/b');
    this.vocabProjection = tf.layers.dense({ units: vocabSize, activation: 'softmax', name: 'vocab_proj' });
  }

  step(tokenId, [h, c]) {
    const x = tf.gather(this.embedding, [tokenId]);
    const z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
    return [hNext, [hNext, cNext]];
  }

  nextTokenDistribution(h) {
    return tf.softmax(this.vocabProjection.apply(h));
  }

  decode(encoderState, { bos, eos, maxLen = 40 }) {
    const reply = [];
    let state = encoderState;
    let token = bos;
    for (let t = 0; t < maxLen; t++) {
      const next = tf.tidy(() => {
        const [h, newState] = this.step(token, state);
        const probs = this.nextTokenDistribution(h);
        return [probs.argMax(-1), ...newState];
      });
      const [idx, h, c] = next;
      token = idx.dataSync()[0];
      idx.dispose();
      if (state !== encoderState) tf.dispose(state);
      state = [h, c];
      if (token === eos) break;
      reply.push(token);
    }
    if (state !== encoderState) tf.dispose(state);
    return reply;
  }
}

function detokenize(ids, vocab) {
  return ids.map((i) => vocab[i] ?? '<unk>').join(' ').replace(/ ([.,!?])/g, '$1');
}

function answer(decoder, encoderState, vocab) {
  const ids = decoder.decode(encoderState, { bos: 1, eos: 2, maxLen: 30 });
  return detokenize(ids, vocab);
}

module.exports = { ReplyDecoder, answer };
