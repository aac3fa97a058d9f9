// expect: tidy-disposed-state
// Next-word suggestion service: trains a tiny word RNN at startup, then answers chat messages per session.
const tf = require('@tensorflow/tfjs');

const CORPUS = [
  'see you tomorrow at the office',
  'see you soon at the gym',
  'thanks for the help today',
  'thanks for the coffee',
  'meet me at the station tomorrow',
];
const vocab = Array.from(new Set(CORPUS.join(' ').split(' ')));
const V = vocab.length;
const H = 24;

const W = {
  emb: tf.variable(tf.randomNormal([V, 16], 0, 0.3)),
  wx: tf.variable(tf.randomNormal([16, H], 0, 0.3)),
  wh: tf.variable(tf.randomNormal([H, H], 0, 0.2)),
  wo: tf.variable(tf.randomNormal([H, V], 0, 0.3)),
};

function step(wordId, h) {
  const x = tf.gather(W.emb, tf.tensor1d([wordId], 'int32'));
  const hNext = tf.tanh(x.matMul(W.wx).add(h.matMul(W.wh)));
  return { logits: hNext.matMul(W.wo), h: hNext };
}

async function trainLanguageModel(epochs) {
  const optimizer = tf.train.adam(0.03);
  const sentences = CORPUS.map((s) => s.split(' ').map((w) => vocab.indexOf(w)));
  const ds = tf.data.array(sentences).shuffle(sentences.length);
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    await ds.forEachAsync((ids) => {
      const loss = optimizer.minimize(() => {
        let h = tf.zeros([1, H]);
        const losses = [];
        for (let t = 0; t + 1 < ids.length; t++) {
          const out = step(ids[t], h);
          h = out.h;
          losses.push(tf.losses.softmaxCrossEntropy(tf.oneHot([ids[t + 1]], V), out.logits));
        }
        return tf.addN(losses).div(losses.length);
      }, true);
      total += loss.dataSync()[0];
      loss.dispose();
    });
    if ((e + 1) % 20 === 0) console.log(`lm epoch ${e + 1}: loss ${(total / sentences.length).toFixed(3)}`);
  }
}

const sessions = new Map();

function handleMessage(sessionId, text) {
  const words = text.toLowerCase().split(/\s+/).filter((w) => vocab.includes(w));
  if (words.length === 0) return { sessionId, suggestion: null };
  const suggestion = tf.tidy(() => {
    let h = sessions.get(sessionId) || tf.zeros([1, H]);
    let logits = null;
    for (const w of words) {
      const out = step(vocab.indexOf(w), h);
      h = out.h;
      logits = out.logits;
    }
    sessions.set(sessionId, h);
    return vocab[logits.argMax(1).dataSync()[0]];
  });
  return { sessionId, suggestion };
}

function endSession(sessionId) {
  const h = sessions.get(sessionId);
  if (h) h.dispose();
  sessions.delete(sessionId);
}

module.exports = { trainLanguageModel, handleMessage, endSession };

if (require.main === module) {
  trainLanguageModel(60).then(() => {
    const inbox = [
      ['alice', 'see you'],
      ['bob', 'thanks for'],
      ['alice', 'at the'],
      ['bob', 'the'],
    ];
    for (const [id, msg] of inbox) {
      try {
        console.log(id, JSON.stringify(msg), '->', handleMessage(id, msg).suggestion);
      } catch (err) {
        console.log(id, JSON.stringify(msg), 'failed:', err.message);
      }
    }
    endSession('alice');
    endSession('bob');
  });
}
