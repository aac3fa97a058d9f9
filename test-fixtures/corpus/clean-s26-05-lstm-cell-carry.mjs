// expect: none
// Observable notebook cells: a from-scratch LSTM cell, stepped through a generator so each frame can be plotted as it arrives.
import * as tf from '@tensorflow/tfjs';

// --- cell: sizes ---
const IN = 4;
const UNITS = 6;

// --- cell: parameters, gates packed as [i | f | g | o] ---
const W = tf.randomNormal([IN + UNITS, 4 * UNITS], 0, 0.3, 'float32', 21);
const b = tf.concat([tf.zeros([UNITS]), tf.ones([UNITS]), tf.zeros([2 * UNITS])]); // forget bias = 1

// --- cell: lstm step, returns the pair (h, c) ---
function lstmStep(x, { h, c }) {
  return tf.tidy(() => {
    const z = tf.matMul(tf.concat([x, h], 1), W).add(b);
    const [iPre, fPre, gPre, oPre] = tf.split(z, 4, 1);
    const i = tf.sigmoid(iPre);
    const f = tf.sigmoid(fPre);
    const g = tf.tanh(gPre);
    const o = tf.sigmoid(oPre);
    const cNext = f.mul(c).add(i.mul(g));
    const hNext = o.mul(tf.tanh(cNext));
    return { h: hNext, c: cNext };
  });
}

// --- cell: frames come from a generator ---
function* frames(n) {
  for (let t = 0; t < n; t++) {
    yield tf.tensor2d([[Math.sin(t / 2), Math.cos(t / 2), t / n, t % 2]]);
  }
}

function* runLstm(source) {
  let state = { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
  for (const x of source) {
    const next = lstmStep(x, state);
    x.dispose();
    tf.dispose([state.h, state.c]);
    state = next;
    yield state;
  }
}

// --- cell: consume and tabulate ---
const rows = [];
let t = 0;
for (const { h, c } of runLstm(frames(10))) {
  rows.push({
    t: t++,
    hMean: +h.mean().dataSync()[0].toFixed(4),
    cMean: +c.mean().dataSync()[0].toFixed(4),
    cMax: +c.abs().max().dataSync()[0].toFixed(4),
  });
}
console.table(rows);

// --- cell: the same frames, but keep only the final state ---
let last = null;
for (const s of runLstm(frames(10))) last = s;
console.log('final h:', Array.from(last.h.dataSync()).map((v) => v.toFixed(3)).join(' '));
console.log('final c:', Array.from(last.c.dataSync()).map((v) => v.toFixed(3)).join(' '));
console.log('tensors alive:', tf.memory().numTensors);
