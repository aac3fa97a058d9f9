// expect: none
// Module-level caches hold only the loaded weights and a vocab map (read-only); every call to embedSentence starts from a fresh zero state.
import * as tf from '@tensorflow/tfjs';

let weightsPromise = null;
let cachedVocab = null;

/**
 * Loads (once) the frozen GRU weights. Subsequent calls reuse the same
 * tensors; nothing in here is mutated after loading.
 * @param {() => Promise<{vocab: string[], W: number[][], U: number[][], b: number[], emb: number[][]}>} fetchWeights
 */
function getWeights(fetchWeights) {
  if (!weightsPromise) {
    weightsPromise = fetchWeights().then((raw) => {
      cachedVocab = new Map(raw.vocab.map((w, i) => [w, i]));
      return {
        W: tf.tensor2d(raw.W),
        U: tf.tensor2d(raw.U),
        b: tf.tensor1d(raw.b),
        emb: tf.tensor2d(raw.emb),
      };
    });
  }
  return weightsPromise;
}

function gruStep({ W, U, b }, x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, W), b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, U), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
}

/**
 * Encodes one sentence into a vector. Sentences are independent of each other.
 * @param {string} sentence
 * @param {Parameters<typeof getWeights>[0]} fetchWeights
 */
export async function embedSentence(sentence, fetchWeights) {
  const weights = await getWeights(fetchWeights);
  const ids = sentence
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => cachedVocab.get(w) ?? 0);
  const vec = tf.tidy(() => {
    const units = weights.U.shape[0];
    let h = tf.zeros([1, units]);
    for (const id of ids) {
      const x = tf.gather(weights.emb, [id]);
      h = gruStep(weights, x, h);
    }
    return tf.squeeze(h);
  });
  const out = await vec.data();
  vec.dispose();
  return out;
}

export async function similarity(a, b, fetchWeights) {
  const [va, vb] = await Promise.all([embedSentence(a, fetchWeights), embedSentence(b, fetchWeights)]);
  let dot = 0;
  let na = 0;
  let nb = 0;
  va.forEach((v, i) => {
    dot += v * vb[i];
    na += v * v;
    nb += vb[i] * vb[i];
  });
  return dot / Math.sqrt(na * nb);
}

export function randomWeights(vocab, dim = 8, units = 6) {
  const m = (r, c) => Array.from({ length: r }, () => Array.from({ length: c }, () => Math.random() - 0.5));
  return async () => ({ vocab, W: m(dim, 3 * units), U: m(units, 3 * units), b: new Array(3 * units).fill(0), emb: m(vocab.length, dim) });
}
