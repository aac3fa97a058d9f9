// expect: none
// Bidirectional GRU encoder for a transliteration model; forward and backward passes are merged per position.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;

function makeGru(inDim, units, seed) {
  const W = tf.randomNormal([inDim, 3 * units], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1);
  const b = tf.zeros([3 * units]);
  return (x, h) => {
    const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, W), b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, U), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    // new state leans on the candidate where z is small, on the previous state where z is large
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  };
}

// Runs one direction recursively and returns every hidden state in visiting order.
function unroll(cell, xs, h, acc = []) {
  if (xs.length === 0) return acc;
  const next = cell(xs[0], h);
  return unroll(cell, xs.slice(1), next, [...acc, next]);
}

export function createEncoder(alphabet, embDim = 8) {
  const table = tf.randomNormal([alphabet.length, embDim], 0, 0.5, 'float32', 3);
  const fwd = makeGru(embDim, UNITS, 10);
  const bwd = makeGru(embDim, UNITS, 20);
  const bridge = tf.randomNormal([2 * UNITS, UNITS], 0, 0.3, 'float32', 30);

  function encodeWord(word) {
    return tf.tidy(() => {
      const xs = [...word].map((ch) => tf.gather(table, [Math.max(0, alphabet.indexOf(ch))]));
      // every word is independent, so both directions start from zeros
      const h0 = tf.zeros([1, UNITS]);
      const forward = unroll(fwd, xs, h0);
      const backward = unroll(bwd, [...xs].reverse(), h0).reverse();
      const merged = forward.map((hf, t) => tf.concat([hf, backward[t]], 1));
      const lastF = forward[forward.length - 1];
      const firstB = backward[0];
      const decoderInit = tf.tanh(tf.matMul(tf.concat([lastF, firstB], 1), bridge));
      return { memory: tf.concat(merged, 0), decoderInit };
    });
  }

  return {
    encodeBatch(words) {
      return words.map((w) => encodeWord(w));
    },
  };
}

const isMain = typeof process !== 'undefined' && process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isMain) {
  const encoder = createEncoder('abcdefghijklmnopqrstuvwxyz');
  for (const { memory, decoderInit } of encoder.encodeBatch(['moskva', 'kiev', 'moskva'])) {
    console.log(memory.shape, decoderInit.dataSync().slice(0, 3));
  }
}
