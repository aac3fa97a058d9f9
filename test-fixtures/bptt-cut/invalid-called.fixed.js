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
      this.memory = hNew;
//                  ~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    }
    return this.memory.square().mean();
  }

  fit(windows) {
    for (const w of windows) this.optimizer.minimize(() => this.loss(w));
  }
}

module.exports = { trainBatch, Scorer };
