// expect: state-leak
// Hierarchical GRU review encoder (word-level GRU per sentence, sentence-level GRU per review) producing embeddings for retrieval.
import * as tf from '@tensorflow/tfjs';

const EMB = 50;
const WORD_UNITS = 64;
const SENT_UNITS = 64;

function gruParams(inDim, units) {
  const g = (shape) => tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(shape[0])));
  return { W: g([inDim, 3 * units]), U: g([units, 3 * units]), b: tf.variable(tf.zeros([3 * units])), units };
}

// Cho et al. (2014) GRU: the reset gate is applied to h before the candidate projection.
function gruStep(p, x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, p.W), p.b), 3, 1);
  const [Uz, Ur, Un] = tf.split(p.U, 3, 1);
  const z = tf.sigmoid(tf.add(xz, tf.matMul(h, Uz)));
  const r = tf.sigmoid(tf.add(xr, tf.matMul(h, Ur)));
  const n = tf.tanh(tf.add(xn, tf.matMul(tf.mul(r, h), Un)));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

class Vocab {
  constructor(texts, minCount = 1) {
    const counts = new Map();
    for (const t of texts) for (const w of Vocab.tokenize(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
    this.index = new Map([['<unk>', 0]]);
    for (const [w, n] of counts) if (n >= minCount) this.index.set(w, this.index.size);
  }
  static tokenize(text) {
    return text.toLowerCase().match(/[a-z']+/g) ?? [];
  }
  encode(sentence) {
    return Vocab.tokenize(sentence).map((w) => this.index.get(w) ?? 0);
  }
  get size() {
    return this.index.size;
  }
}

const splitSentences = (text) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);

export function buildEncoder(corpus) {
  const vocab = new Vocab(corpus);
  const embeddings = tf.variable(tf.randomNormal([vocab.size, EMB], 0, 0.1));
  const wordCell = gruParams(EMB, WORD_UNITS);
  const sentCell = gruParams(WORD_UNITS, SENT_UNITS);

  function encodeSentence(ids) {
    return tf.tidy(() => {
      let h = tf.zeros([1, WORD_UNITS]);
      for (const id of ids) h = gruStep(wordCell, tf.gather(embeddings, [id]), h);
      return h;
    });
  }

  function embedReviews(reviews) {
    const out = [];
    let docState = tf.zeros([1, SENT_UNITS]);
    for (const review of reviews) {
      for (const sentence of splitSentences(review.text)) {
        const ids = vocab.encode(sentence);
        if (ids.length === 0) continue;
        const sVec = encodeSentence(ids);
        const next = tf.tidy(() => gruStep(sentCell, sVec, docState));
        tf.dispose([sVec, docState]);
        docState = next;
      }
      out.push({ id: review.id, vector: Float32Array.from(docState.dataSync()) });
    }
    docState.dispose();
    return out;
  }

  return { vocab, embedReviews };
}

function cosine(a, b) {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / (Math.sqrt(na * nb) + 1e-8);
}

const reviews = [
  { id: 'r1', text: 'Battery lasts all day. The screen is bright and sharp!' },
  { id: 'r2', text: 'Arrived broken. Support never answered my emails.' },
  { id: 'r3', text: 'Great screen. Battery life is excellent for the price.' },
  { id: 'r4', text: 'The box was damaged and the charger did not work. Refund took weeks.' },
];

const encoder = buildEncoder(reviews.map((r) => r.text));
const embedded = encoder.embedReviews(reviews);
for (const a of embedded) {
  const ranked = embedded
    .filter((b) => b.id !== a.id)
    .map((b) => ({ id: b.id, sim: cosine(a.vector, b.vector) }))
    .sort((x, y) => y.sim - x.sim);
  console.log(`${a.id} nearest: ${ranked[0].id} (${ranked[0].sim.toFixed(3)})`);
}
