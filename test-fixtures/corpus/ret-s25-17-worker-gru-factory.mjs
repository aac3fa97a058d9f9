// expect: returns-input-state
// Web worker that transliterates Greek names to Latin script with a GRU encoder-decoder built from closures.
import * as tf from '@tensorflow/tfjs';

const GREEK = ' αβγδεζηθικλμνξοπρστυφχψω';
const LATIN = ['<s>', '</s>', ...'abcdefghiklmnoprstuvxyz'];
const UNITS = 16;

function makeGruCell(inDim, units, outDim, seed) {
  const W = tf.randomNormal([inDim, 3 * units], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1);
  const Wo = tf.randomNormal([units, outDim], 0, 0.5, 'float32', seed + 2);

  function readout(state) {
    return tf.matMul(state, Wo);
  }

  return function step(x, h) {
    const [xz, xr, xn] = tf.split(tf.matMul(x, W), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, U), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const hNext = tf.add(tf.mul(tf.sub(1, z), tf.tanh(tf.add(xn, tf.mul(r, hn)))), tf.mul(z, h));
    return { y: readout(hNext), h };
  };
}

const oneHot = (index, depth) => tf.oneHot([index], depth).toFloat();

export function createTransliterator() {
  const encStep = makeGruCell(GREEK.length, UNITS, UNITS, 1);
  const decStep = makeGruCell(LATIN.length, UNITS, LATIN.length, 11);

  return function transliterate(name, maxLen = name.length + 4) {
    return tf.tidy(() => {
      let h = tf.zeros([1, UNITS]);
      for (const ch of name.toLowerCase()) {
        ({ h } = encStep(oneHot(Math.max(0, GREEK.indexOf(ch)), GREEK.length), h));
      }
      let token = 0;
      let text = '';
      for (let t = 0; t < maxLen; t++) {
        const out = decStep(oneHot(token, LATIN.length), h);
        h = out.h;
        token = out.y.argMax(1).dataSync()[0];
        if (token === 1) break;
        text += LATIN[token];
      }
      return { text, state: h };
    });
  };
}

// Worker entry point: { id, names } in, { id, results } out.
if (typeof self !== 'undefined' && typeof self.postMessage === 'function') {
  const transliterate = createTransliterator();
  self.onmessage = async (event) => {
    await tf.ready();
    const { id, names } = event.data;
    const results = names.map((n) => {
      const { text, state } = transliterate(n);
      state.dispose();
      return text;
    });
    self.postMessage({ id, results });
  };
}
