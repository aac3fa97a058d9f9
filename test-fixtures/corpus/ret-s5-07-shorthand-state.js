// expect: returns-input-state
// Functional GRU step used by an unroll helper; it computes the new hidden `next` but returns `{ output, state }` with the shorthand picking up the incoming state.
import * as tf from '@tensorflow/tfjs';

/**
 * @typedef {{ wz: tf.Tensor2D, uz: tf.Tensor2D, wr: tf.Tensor2D, ur: tf.Tensor2D,
 *             wn: tf.Tensor2D, un: tf.Tensor2D, wy: tf.Tensor2D, by: tf.Tensor1D }} GruParams
 */

/** @returns {GruParams} */
export function gruParams(inDim, units, outDim) {
  const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
  return {
    wz: w(inDim, units), uz: w(units, units),
    wr: w(inDim, units), ur: w(units, units),
    wn: w(inDim, units), un: w(units, units),
    wy: w(units, outDim), by: tf.variable(tf.zeros([outDim])),
  };
}

/**
 * One GRU step followed by a linear readout.
 * @param {GruParams} p
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} state
 * @returns {{ output: tf.Tensor2D, state: tf.Tensor2D }}
 */
export function gruStep(p, x, state) {
  return tf.tidy(() => {
    const z = tf.sigmoid(x.matMul(p.wz).add(state.matMul(p.uz)));
    const r = tf.sigmoid(x.matMul(p.wr).add(state.matMul(p.ur)));
    const n = tf.tanh(x.matMul(p.wn).add(r.mul(state).matMul(p.un)));
    const next = tf.sub(1, z).mul(n).add(z.mul(state));
    const output = next.matMul(p.wy).add(p.by);
    return { output, state };
  });
}

/**
 * @param {GruParams} p
 * @param {tf.Tensor2D[]} frames
 * @param {tf.Tensor2D} initial
 */
export function runSequence(p, frames, initial) {
  const outputs = [];
  let state = initial;
  for (const frame of frames) {
    const res = gruStep(p, frame, state);
    outputs.push(res.output);
    state = res.state;
  }
  return { outputs, state };
}

export function trainOnSeries(series, steps = 50) {
  const p = gruParams(1, 16, 1);
  const opt = tf.train.adam(0.01);
  const frames = series.slice(0, -1).map((v) => tf.tensor2d([[v]]));
  const targets = tf.tensor2d(series.slice(1), [series.length - 1, 1]);
  for (let i = 0; i < steps; i++) {
    const cost = opt.minimize(() => {
      const { outputs } = runSequence(p, frames, tf.zeros([1, 16]));
      return tf.losses.meanSquaredError(targets, tf.concat(outputs, 0));
    }, true);
    if (i % 10 === 0) console.log(i, cost.dataSync()[0]);
    cost.dispose();
  }
  return p;
}

if (typeof process !== 'undefined' && process.argv[1]?.endsWith('shorthand-state.js')) {
  const wave = Array.from({ length: 30 }, (_, t) => Math.sin(t / 3));
  trainOnSeries(wave, 20);
}
