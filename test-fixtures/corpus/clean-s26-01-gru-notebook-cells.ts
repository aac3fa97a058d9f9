// expect: none
// Notebook export (tslab): hand-written GRU over a toy sine batch, checking the hidden-state norm after every step.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: config ---
const INPUT = 3;
const UNITS = 8;
let STEPS = 12;
const BATCH = 4;

// --- cell 2: parameters ---
function glorot(rows: number, cols: number, seed: number): tf.Variable {
  return tf.variable(tf.randomNormal([rows, cols], 0, Math.sqrt(2 / (rows + cols)), 'float32', seed));
}
const Wz = glorot(INPUT, UNITS, 1), Uz = glorot(UNITS, UNITS, 2), bz = tf.variable(tf.zeros([UNITS]));
const Wr = glorot(INPUT, UNITS, 3), Ur = glorot(UNITS, UNITS, 4), br = tf.variable(tf.zeros([UNITS]));
const Wh = glorot(INPUT, UNITS, 5), Uh = glorot(UNITS, UNITS, 6), bh = tf.variable(tf.zeros([UNITS]));

// --- cell 3: one GRU step ---
function gruStep(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const z = tf.sigmoid(tf.matMul(x, Wz).add(tf.matMul(h, Uz)).add(bz));
    const r = tf.sigmoid(tf.matMul(x, Wr).add(tf.matMul(h, Ur)).add(br));
    const candidate = tf.tanh(tf.matMul(x, Wh).add(tf.matMul(r.mul(h), Uh)).add(bh));
    // blend: keep (1 - z) of the old state, take z of the candidate
    return tf.sub(1, z).mul(h).add(z.mul(candidate));
  });
}

// --- cell 4: toy data, [batch, time, feature] ---
function sineBatch(steps: number): tf.Tensor3D {
  return tf.tidy(() => {
    const t = tf.range(0, steps).reshape([1, steps, 1]);
    const phase = tf.tensor1d([0, 0.5, 1.0, 1.5]).reshape([BATCH, 1, 1]);
    const base = tf.sin(t.mul(0.4).add(phase));
    return tf.concat([base, base.mul(0.5), tf.cos(t.mul(0.4).add(phase))], 2) as tf.Tensor3D;
  });
}
let xs = sineBatch(STEPS);
let frames = tf.unstack(xs, 1);

// --- cell 5: unroll ---
let h: tf.Tensor = tf.zeros([BATCH, UNITS]);
let norms: { t: number; norm: number }[] = [];
for (let t = 0; t < frames.length; t++) {
  const next = gruStep(frames[t], h);
  h.dispose();
  h = next;
  norms.push({ t, norm: +h.norm().dataSync()[0].toFixed(4) });
}
console.table(norms);

// --- cell 6: same thing, longer sequence ---
STEPS = 30;
xs.dispose();
frames.forEach((f) => f.dispose());
xs = sineBatch(STEPS);
frames = tf.unstack(xs, 1);

h.dispose();
h = tf.zeros([BATCH, UNITS]);
norms = [];
for (let t = 0; t < frames.length; t++) {
  const next = gruStep(frames[t], h);
  h.dispose();
  h = next;
  if (t % 5 === 4) norms.push({ t, norm: +h.norm().dataSync()[0].toFixed(4) });
}
console.table(norms);

// --- cell 7: sanity check, state stays in (-1, 1) ---
const maxAbs = h.abs().max().dataSync()[0];
console.log('max |h| =', maxAbs.toFixed(4), 'tensors alive:', tf.memory().numTensors);
