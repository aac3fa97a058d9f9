// The cut hidden one call away: the unroll wrapped in tf.tidy before the closure, and a state
// copied into a new tf.variable inside a method the closure calls.
const tf = require('@tensorflow/tfjs');

const units = 8;
const Wx = tf.variable(tf.randomNormal([1, units], 0, 0.3));
const Wh = tf.variable(tf.randomNormal([units, units], 0, 0.2));
const Wy = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
const cellStep = (x, h) => tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));

function unroll(xs) {
  let h = tf.zeros([xs.shape[0], units]);
  for (let t = 0; t < xs.shape[1]; t++) h = cellStep(xs.slice([0, t], [xs.shape[0], 1]), h);
  return h;
}

function trainBatch(optimizer, xs, ys) {
  const finalH = tf.tidy(() => unroll(xs));
  return optimizer.minimize(() => tf.losses.meanSquaredError(ys, finalH.matMul(Wy)), true);
//                                                               ~~~~~~ bptt-cut
}

class Scorer {
  constructor() {
    this.memory = null;
    this.optimizer = tf.train.adam(0.01);
  }

  loss(window) {
    this.memory = tf.variable(tf.zeros([window.shape[0], units]), false);
    for (let t = 0; t < window.shape[1]; t++) {
      const hNew = cellStep(window.slice([0, t], [window.shape[0], 1]), this.memory);
      this.memory = tf.variable(hNew, false);
//                  ~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    }
    return this.memory.square().mean();
  }

  fit(windows) {
    for (const w of windows) this.optimizer.minimize(() => this.loss(w));
  }
}

module.exports = { trainBatch, Scorer };

// The state clamped in JS inside a helper the unroll calls: the read-back values are mapped, or
// copied element by element into a typed array, then rebuilt as a tensor.
const CLIP = 3;

function clampMapped(h) {
  const vals = h.dataSync().map((v) => Math.min(CLIP, Math.max(-CLIP, v)));
  return tf.tensor2d(vals, h.shape);
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
}

function clampCopied(h) {
  const raw = h.dataSync();
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = Number.isFinite(raw[i]) ? raw[i] : 0;
    out[i] = Math.max(-CLIP, Math.min(CLIP, v));
  }
  return tf.tensor2d(out, h.shape);
//       ~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
}

function trainClamped(optimizer, xs, ys, copy) {
  return optimizer.minimize(() => {
    let h = tf.zeros([xs.shape[0], units]);
    for (let t = 0; t < xs.shape[1]; t++) {
      const next = cellStep(xs.slice([0, t], [xs.shape[0], 1]), h);
      h = copy ? clampCopied(next) : clampMapped(next);
    }
    return tf.losses.meanSquaredError(ys, h.matMul(Wy));
  }, true);
}

module.exports.trainClamped = trainClamped;
