// expect: stacked-activation, bptt-cut
// CommonJS per-frame binary tagger (voice-activity style) with an Elman core and a small training API.
'use strict';

const tf = require('@tensorflow/tfjs');

class FrameTagger {
  /**
   * @param {{features: number, units?: number, seed?: number, learningRate?: number}} opts
   */
  constructor({ features, units = 12, seed = 23, learningRate = 0.05 }) {
    const v = (shape, k, name) =>
      tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + k), true, name);
    this.units = units;
    this.wx = v([features, units], 0, 'tagger/wx');
    this.wh = v([units, units], 1, 'tagger/wh');
    this.b = tf.variable(tf.zeros([units]), true, 'tagger/b');
    this.wy = v([units, 1], 2, 'tagger/wy');
    this.by = tf.variable(tf.zeros([1]), true, 'tagger/by');
    this.state = tf.variable(tf.zeros([1, units]), false, 'tagger/state');
    this.optimizer = tf.train.adam(learningRate);
  }

  resetState() {
    tf.tidy(() => this.state.assign(tf.zeros([1, this.units])));
  }

  /**
   * Advances the recurrent state by one frame.
   * @param {tf.Tensor2D} frame [1, features]
   * @returns {tf.Tensor2D} P(active) for this frame, [1, 1]
   */
  stepFrame(frame) {
    const h = tf.tanh(frame.matMul(this.wx).add(this.state.matMul(this.wh)).add(this.b));
    this.state.assign(h);
    return tf.sigmoid(h.matMul(this.wy).add(this.by));
  }

  /**
   * One gradient step on a labelled sequence.
   * @param {number[][]} frames [time][features]
   * @param {number[]} labels 0/1 per frame
   */
  trainSequence(frames, labels) {
    const x = tf.tensor2d(frames);
    const y = tf.tensor2d(labels.map(l => [l]));
    this.resetState();
    const { value, grads } = tf.variableGrads(() => {
      const probs = tf.unstack(x).map(row => this.stepFrame(row.expandDims(0)));
      return tf.losses.sigmoidCrossEntropy(y, tf.concat(probs, 0));
    }, [this.wx, this.wh, this.b, this.wy, this.by]);
    this.optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([x, y, value, ...Object.values(grads)]);
    return loss;
  }

  /** @param {{frames: number[][], labels: number[]}[]} dataset */
  fit(dataset, epochs = 10, onEpoch = () => {}) {
    for (let e = 0; e < epochs; e++) {
      let sum = 0;
      for (const { frames, labels } of dataset) sum += this.trainSequence(frames, labels);
      onEpoch(e, sum / dataset.length);
    }
  }

  /** @param {number[][]} frames @returns {number[]} per-frame probabilities */
  tag(frames) {
    this.resetState();
    return frames.map(f => tf.tidy(() => this.stepFrame(tf.tensor2d([f])).dataSync()[0]));
  }
}

module.exports = { FrameTagger };
