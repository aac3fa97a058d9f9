// expect: none
// Jupyter cells: run a GRU cell note-by-note over short melodies and keep every hidden state for a heatmap afterwards.
const tf = require('@tensorflow/tfjs');

// --- cell 1: melodies (MIDI pitch classes) ---
const NOTES = 12;
const H = 6;
const melodies = {
  twinkle: [0, 0, 7, 7, 9, 9, 7, 5, 5, 4, 4, 2, 2, 0],
  scale: [0, 2, 4, 5, 7, 9, 11, 0],
  arpeggio: [0, 4, 7, 0, 4, 7, 0, 4, 7],
};

// --- cell 2: GRU weights ---
const w = (shape, seed) => tf.randomNormal(shape, 0, 0.4, 'float32', seed);
const Wz = w([NOTES + H, H], 1);
const Wr = w([NOTES + H, H], 2);
const Wc = w([NOTES + H, H], 3);

function gru(x, h) {
  const z = tf.sigmoid(tf.matMul(tf.concat([x, h], 1), Wz));
  const r = tf.sigmoid(tf.matMul(tf.concat([x, h], 1), Wr));
  const cand = tf.tanh(tf.matMul(tf.concat([x, r.mul(h)], 1), Wc));
  return tf.sub(1, z).mul(h).add(z.mul(cand));
}

// --- cell 3: step through one melody, recording states ---
const states = [];
let h = tf.zeros([1, H]);
for (const note of melodies.twinkle) {
  h = tf.tidy(() => {
    const x = tf.oneHot([note], NOTES).toFloat();
    const hNew = gru(x, h);
    states.push(tf.keep(hNew));
    return hNew;
  });
}

// --- cell 4: heatmap-ish table of the recorded states ---
const grid = tf.concat(states, 0).arraySync();
console.table(grid.map((row, t) => Object.fromEntries([['t', t], ...row.map((v, k) => ['h' + k, +v.toFixed(2)])])));

// --- cell 5: final state per melody, kept in a Map for later comparison ---
const finals = new Map();
for (const [name, notes] of Object.entries(melodies)) {
  tf.tidy(() => {
    let s = tf.zeros([1, H]);
    for (const note of notes) s = gru(tf.oneHot([note], NOTES).toFloat(), s);
    finals.set(name, tf.keep(s));
  });
}
const names = [...finals.keys()];
const dist = names.map((a) =>
  Object.fromEntries([['melody', a], ...names.map((b) => [b, +tf.tidy(() => finals.get(a).sub(finals.get(b)).norm().dataSync()[0]).toFixed(3)])]),
);
console.table(dist);

// --- cell 6: clean up ---
tf.dispose(states);
finals.forEach((t) => t.dispose());
console.log('tensors alive:', tf.memory().numTensors);
