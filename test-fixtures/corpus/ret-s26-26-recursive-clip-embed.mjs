// expect: returns-input-state
// Observable cells: an LSTM unrolled recursively over video-clip feature frames to get one embedding per clip.
import * as tf from '@tensorflow/tfjs';

// --- cell: sizes + params ---
const IN = 5;
const U = 7;
const W = tf.randomNormal([IN + U, 4 * U], 0, 0.35, 'float32', 8);
const b = tf.zeros([4 * U]);

// --- cell: one step, state is the pair [h, c] ---
function lstmStep(x, [h, c]) {
  return tf.tidy(() => {
    const gates = tf.matMul(tf.concat([x, h], 1), W).add(b);
    const i = tf.sigmoid(gates.slice([0, 0], [-1, U]));
    const f = tf.sigmoid(gates.slice([0, U], [-1, U]));
    const g = tf.tanh(gates.slice([0, 2 * U], [-1, U]));
    const o = tf.sigmoid(gates.slice([0, 3 * U], [-1, U]));
    const cNew = f.mul(c).add(i.mul(g));
    const hNew = o.mul(tf.tanh(cNew));
    return { y: hNew, state: [h, cNew] };
  });
}

// --- cell: recursive unroll ---
const zeroState = () => [tf.zeros([1, U]), tf.zeros([1, U])];

function unroll(frames, i = 0, state = zeroState(), ys = []) {
  if (i === frames.length) return { ys, state };
  const { y, state: next } = lstmStep(frames[i], state);
  return unroll(frames, i + 1, next, [...ys, y]);
}

// --- cell: fake clips, one generator per clip ---
function* clipFrames(kind, n) {
  for (let t = 0; t < n; t++) {
    const base = kind === 'pan' ? t / n : kind === 'zoom' ? Math.exp(-t / 4) : Math.sin(t);
    yield tf.tensor2d([[base, base * base, Math.cos(t), kind === 'cut' && t % 3 === 0 ? 1 : 0, 0.1]]);
  }
}

const clips = {
  pan: Array.from(clipFrames('pan', 9)),
  zoom: Array.from(clipFrames('zoom', 6)),
  cut: Array.from(clipFrames('cut', 12)),
};

// --- cell: embeddings ---
const embeddings = {};
for (const [name, frames] of Object.entries(clips)) {
  const { ys, state } = unroll(frames);
  embeddings[name] = ys[ys.length - 1];
  console.log(name, 'h norm', state[0].norm().dataSync()[0].toFixed(4), 'c norm', state[1].norm().dataSync()[0].toFixed(4));
}

// --- cell: pairwise distances ---
const names = Object.keys(embeddings);
console.table(
  names.map((a) =>
    Object.fromEntries([['clip', a], ...names.map((bName) => [bName, +tf.tidy(() => embeddings[a].sub(embeddings[bName]).norm().dataSync()[0]).toFixed(3)])]),
  ),
);
