// expect: stacked-activation
// Hand-written GRU for a tiny music model; the candidate is already tanh-activated, then squashed again with tf.sigmoid before the interpolation that produces the new state.
const tf = require('@tensorflow/tfjs');

/**
 * @typedef {Object} GruWeights
 * @property {tf.Variable} Wz @property {tf.Variable} Uz
 * @property {tf.Variable} Wr @property {tf.Variable} Ur
 * @property {tf.Variable} Wh @property {tf.Variable} Uh
 */

/** @returns {GruWeights} */
function makeWeights(inDim, units) {
  const v = (r, c) => tf.variable(tf.randomNormal([r, c], 0, Math.sqrt(1 / r)));
  return {
    Wz: v(inDim, units), Uz: v(units, units),
    Wr: v(inDim, units), Ur: v(units, units),
    Wh: v(inDim, units), Uh: v(units, units),
  };
}

/**
 * @param {GruWeights} w
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 */
function gruCell(w, x, h) {
  const z = tf.sigmoid(tf.add(tf.matMul(x, w.Wz), tf.matMul(h, w.Uz)));
  const r = tf.sigmoid(tf.add(tf.matMul(x, w.Wr), tf.matMul(h, w.Ur)));
  const candidate = tf.tanh(tf.add(tf.matMul(x, w.Wh), tf.matMul(tf.mul(r, h), w.Uh)));
  const squashed = tf.sigmoid(candidate);
  return tf.add(tf.mul(tf.sub(1, z), h), tf.mul(z, squashed));
}

/**
 * Predicts the next piano-roll frame (88 keys, multi-hot) from each frame.
 * @param {number[][][]} songs songs -> frames -> 88 values
 */
async function trainPianoRoll(songs, epochs = 5) {
  const KEYS = 88;
  const UNITS = 64;
  const w = makeWeights(KEYS, UNITS);
  const Wy = tf.variable(tf.randomNormal([UNITS, KEYS], 0, 0.05));
  const by = tf.variable(tf.zeros([KEYS]));
  const opt = tf.train.adam(0.002);

  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (const song of songs) {
      const frames = song.map((f) => tf.tensor2d([f]));
      const loss = opt.minimize(() => {
        let h = tf.zeros([1, UNITS]);
        const losses = [];
        for (let t = 0; t < frames.length - 1; t++) {
          h = gruCell(w, frames[t], h);
          const logits = tf.add(tf.matMul(h, Wy), by);
          losses.push(tf.losses.sigmoidCrossEntropy(frames[t + 1], logits));
        }
        return tf.div(tf.addN(losses), losses.length);
      }, true);
      sum += (await loss.data())[0];
      tf.dispose([loss, ...frames]);
    }
    console.log(`epoch ${epoch}: ${(sum / songs.length).toFixed(4)}`);
  }
  return { w, Wy, by };
}

function randomSong(len) {
  return Array.from({ length: len }, () => Array.from({ length: 88 }, () => (Math.random() < 0.05 ? 1 : 0)));
}

if (require.main === module) {
  tf.setBackend('cpu')
    .then(() => trainPianoRoll([randomSong(12), randomSong(9)], 2))
    .then(() => console.log('done'));
}

module.exports = { gruCell, makeWeights, trainPianoRoll };
