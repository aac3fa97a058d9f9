// expect: returns-input-state
// On-screen keyboard worker: after every committed word it posts the three most likely next words back to the page.
import * as tf from '@tensorflow/tfjs';

const LEXICON = ['i', 'you', 'we', 'am', 'are', 'going', 'to', 'the', 'store', 'home', 'now', 'later', 'see', 'soon'];
const UNITS = 24;

function initParams(seed = 7) {
  const r = (shape, k) => tf.randomNormal(shape, 0, 0.4, 'float32', seed + k);
  return {
    emb: r([LEXICON.length, UNITS], 0),
    Wz: r([UNITS, UNITS], 1), Uz: r([UNITS, UNITS], 2),
    Wr: r([UNITS, UNITS], 3), Ur: r([UNITS, UNITS], 4),
    Wc: r([UNITS, UNITS], 5), Uc: r([UNITS, UNITS], 6),
    Wo: r([UNITS, LEXICON.length], 7),
  };
}

function freshState() {
  return { h: tf.zeros([1, UNITS]), logits: null, words: 0 };
}

export function step(p, wordIndex, state) {
  return tf.tidy(() => {
    const x = tf.gather(p.emb, [wordIndex]);
    const { h } = state;
    const z = tf.sigmoid(x.matMul(p.Wz).add(h.matMul(p.Uz)));
    const r = tf.sigmoid(x.matMul(p.Wr).add(h.matMul(p.Ur)));
    const cand = tf.tanh(x.matMul(p.Wc).add(r.mul(h).matMul(p.Uc)));
    const hNext = tf.sub(1, z).mul(h).add(z.mul(cand));
    const logits = hNext.matMul(p.Wo);
    return { ...state, logits, words: state.words + 1 };
  });
}

const params = initParams();
let session = freshState();

function topK(logitsTensor, k) {
  const probs = tf.tidy(() => tf.softmax(logitsTensor.squeeze()).arraySync());
  return probs
    .map((prob, i) => ({ word: LEXICON[i], prob }))
    .sort((a, b) => b.prob - a.prob)
    .slice(0, k);
}

export function handleMessage(data) {
  if (data.type === 'reset') {
    tf.dispose([session.h, session.logits]);
    session = freshState();
    return { type: 'cleared' };
  }
  if (data.type === 'word') {
    const idx = LEXICON.indexOf(data.word.toLowerCase());
    if (idx < 0) return { type: 'unknown', word: data.word };
    const prevLogits = session.logits;
    session = step(params, idx, session);
    if (prevLogits) prevLogits.dispose();
    return { type: 'suggestions', after: session.words, items: topK(session.logits, 3) };
  }
  return null;
}

self.onmessage = (e) => {
  const reply = handleMessage(e.data);
  if (reply) self.postMessage(reply);
};
