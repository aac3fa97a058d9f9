// expect: none
// Summary decoder with Luong attention: LSTM step, attentional hidden state, then a softmax readout over the vocabulary.
import * as tf from '@tensorflow/tfjs';

export function createSummaryDecoder({ vocab, units = 16, emb = 8, seed = 100 }) {
  const r = (shape, s) => tf.randomNormal(shape, 0, 0.3, 'float32', seed + s);
  const E = r([vocab, emb], 0);
  const W = r([emb + units, 4 * units], 1);
  const b = tf.zeros([4 * units]);
  const Wc = r([2 * units, units], 2);
  const Ws = r([units, vocab], 3);
  const bs = tf.zeros([vocab]);

  function lstm(x, { h, c }) {
    const [i, f, g, o] = tf.split(tf.add(tf.matMul(tf.concat([x, h], 1), W), b), 4, 1);
    const input = tf.sigmoid(i);
    const forget = tf.sigmoid(f);
    const candidate = tf.tanh(g);
    const cNew = tf.add(tf.mul(forget, c), tf.mul(input, candidate));
    const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew));
    return { h: hNew, c: cNew };
  }

  function readout(state, memory) {
    const align = tf.softmax(tf.matMul(state.h, memory, false, true));
    const context = tf.matMul(align, memory);
    const attentional = tf.tanh(tf.matMul(tf.concat([context, state.h], 1), Wc));
    const probs = tf.softmax(tf.add(tf.matMul(attentional, Ws), bs));
    return { probs, align };
  }

  function summarise(memory, init, { bos = 1, eos = 2, maxLen = 12 } = {}) {
    return tf.tidy(() => {
      let state = { h: init.h, c: init.c };
      let token = bos;
      const tokens = [];
      const confidences = [];
      while (tokens.length < maxLen) {
        state = lstm(tf.gather(E, [token]), state);
        const { probs } = readout(state, memory);
        const p = probs.dataSync();
        token = p.indexOf(Math.max(...p));
        if (token === eos) break;
        tokens.push(token);
        confidences.push(p[token]);
      }
      return { tokens, confidences };
    });
  }

  return { lstm, readout, summarise };
}

const runDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (runDirectly) {
  const dec = createSummaryDecoder({ vocab: 30 });
  const memory = tf.randomNormal([6, 16], 0, 1, 'float32', 5);
  const init = { h: tf.tanh(tf.mean(memory, 0, true)), c: tf.zeros([1, 16]) };
  const { tokens, confidences } = dec.summarise(memory, init);
  console.log(tokens, confidences.map((c) => c.toFixed(3)));
}
