// expect: tidy-disposed-state
// Web-worker style message handler: next-word suggestions from an LSTM whose (h, c) state is kept per chat session.
import * as tf from '@tensorflow/tfjs';

class LSTMCell {
  constructor(inputDim, units) {
    this.units = units;
    this.kernel = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 0.2));
    this.recurrent = tf.variable(tf.randomNormal([units, 4 * units], 0, 0.2));
    this.bias = tf.variable(tf.zeros([4 * units]));
  }

  zeroState() {
    return { h: tf.zeros([1, this.units]), c: tf.zeros([1, this.units]) };
  }

  forward(x, { h, c }) {
    const z = tf.matMul(x, this.kernel).add(tf.matMul(h, this.recurrent)).add(this.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew));
    return { output: hNew, state: { h: hNew, c: cNew } };
  }
}

export function createSuggester({ vocab, dim = 16, units = 32 }) {
  const embedding = tf.variable(tf.randomNormal([vocab.length, dim], 0, 0.3));
  const cell = new LSTMCell(dim, units);
  const proj = tf.variable(tf.randomNormal([units, vocab.length], 0, 0.3));
  const sessions = new Map();

  function suggest(sessionId, word, k = 3) {
    const id = Math.max(0, vocab.indexOf(word));
    const top = tf.tidy(() => {
      const prev = sessions.get(sessionId) ?? cell.zeroState();
      const x = tf.gather(embedding, tf.tensor1d([id], 'int32'));
      const { output, state } = cell.forward(x, prev);
      sessions.set(sessionId, state);
      return tf.topk(tf.softmax(tf.matMul(output, proj)).squeeze([0]), k).indices;
    });
    const ids = Array.from(top.dataSync());
    top.dispose();
    return ids.map((i) => vocab[i]);
  }

  function endSession(sessionId) {
    const s = sessions.get(sessionId);
    if (s) tf.dispose([s.h, s.c]);
    sessions.delete(sessionId);
  }

  return { suggest, endSession };
}

// In the browser this is wired to `self.onmessage`; in node we call it directly.
export async function onMessage(suggester, msg) {
  switch (msg.type) {
    case 'word':
      return { type: 'suggestions', sessionId: msg.sessionId, words: suggester.suggest(msg.sessionId, msg.word) };
    case 'close':
      suggester.endSession(msg.sessionId);
      return { type: 'closed', sessionId: msg.sessionId };
    default:
      return { type: 'error', message: `unknown message ${msg.type}` };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const vocab = ['<unk>', 'hello', 'how', 'are', 'you', 'doing', 'today', 'fine', 'thanks'];
  const suggester = createSuggester({ vocab });
  for (const word of ['hello', 'how', 'are']) {
    console.log(await onMessage(suggester, { type: 'word', sessionId: 'a', word }));
  }
  console.log(await onMessage(suggester, { type: 'close', sessionId: 'a' }));
}
