// expect: unused-hidden-state
// Word-level sentence encoder (embedding dim == hidden dim) unrolled recursively, for the similarity search demo.
import * as tf from '@tensorflow/tfjs';

const DIM = 16;

export function createEncoder(vocab, seed = 101) {
  return {
    embed: tf.randomNormal([vocab, DIM], 0, 1, 'float32', seed),
    Wx: tf.randomNormal([DIM, DIM], 0, 0.25, 'float32', seed + 1),
    Wh: tf.randomNormal([DIM, DIM], 0, 0.25, 'float32', seed + 2),
    b: tf.zeros([DIM]),
  };
}

const cell = (enc) => (x, h) =>
  tf.tanh(tf.addN([tf.matMul(x, enc.Wx), tf.matMul(x, enc.Wh), enc.b.expandDims(0)]));

function embedToken(enc, id) {
  return tf.gather(enc.embed, tf.tensor1d([id], 'int32'));
}

function unroll(step, enc, ids, h) {
  if (ids.length === 0) return h;
  const [head, ...rest] = ids;
  const next = tf.tidy(() => step(embedToken(enc, head), h));
  h.dispose();
  return unroll(step, enc, rest, next);
}

export function encodeSentence(enc, ids) {
  return unroll(cell(enc), enc, ids, tf.zeros([1, DIM]));
}

export function cosine(a, b) {
  return tf.tidy(() => {
    const dot = a.mul(b).sum();
    const norm = a.norm().mul(b.norm());
    return dot.div(norm).dataSync()[0];
  });
}

export function rank(enc, query, corpus) {
  const q = encodeSentence(enc, query);
  const scored = corpus.map((ids, i) => {
    const v = encodeSentence(enc, ids);
    const s = cosine(q, v);
    v.dispose();
    return { i, s };
  });
  q.dispose();
  return scored.sort((a, b) => b.s - a.s);
}

export function tokenize(text, vocabIndex) {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w in vocabIndex ? vocabIndex[w] : 0));
}
