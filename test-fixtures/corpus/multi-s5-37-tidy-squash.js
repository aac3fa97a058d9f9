// expect: stacked-activation, tidy-disposed-state
// Keyword-spotting RNN whose mixing layer already has activation 'tanh' but step() wraps it in tf.tanh again, and whose frame loop assigns the new state to the outer `h` inside tf.tidy without returning or keeping it.
import * as tf from '@tensorflow/tfjs';

const UNITS = 20;

export class KeywordSpotter {
  /** @param {number} featureDim number of MFCC coefficients per frame */
  constructor(featureDim) {
    this.featureDim = featureDim;
    this.mix = tf.layers.dense({ units: UNITS, activation: 'tanh', inputShape: [featureDim + UNITS] });
    this.readout = tf.layers.dense({ units: 1, inputShape: [UNITS] });
  }

  /**
   * @param {tf.Tensor2D} x [1, featureDim]
   * @param {tf.Tensor2D} h [1, UNITS]
   * @returns {tf.Tensor2D}
   */
  step(x, h) {
    const mixed = /** @type {tf.Tensor2D} */ (this.mix.apply(tf.concat([x, h], 1)));
    return tf.tanh(mixed);
  }

  /**
   * Returns the per-frame keyword probability for one utterance.
   * @param {number[][]} frames
   */
  score(frames) {
    let h = tf.zeros([1, UNITS]);
    const probs = [];
    for (const frame of frames) {
      tf.tidy(() => {
        const x = tf.tensor2d([frame], [1, this.featureDim]);
        h = this.step(x, h);
        const logit = /** @type {tf.Tensor} */ (this.readout.apply(h));
        probs.push(tf.sigmoid(logit).dataSync()[0]);
      });
    }
    return probs;
  }

  /**
   * Smoothed detection: fires when the moving average over `win` frames crosses `thr`.
   * @param {number[][]} frames
   */
  detect(frames, win = 5, thr = 0.7) {
    const p = this.score(frames);
    const hits = [];
    let acc = 0;
    for (let i = 0; i < p.length; i++) {
      acc += p[i];
      if (i >= win) acc -= p[i - win];
      if (i >= win - 1 && acc / win > thr) hits.push(i);
    }
    return hits;
  }
}

export function fakeUtterance(len, dim) {
  return Array.from({ length: len }, (_, t) =>
    Array.from({ length: dim }, (_, k) => Math.sin((t + 1) * (k + 1) * 0.1)),
  );
}

export async function main() {
  await tf.setBackend('cpu');
  const spotter = new KeywordSpotter(13);
  for (let u = 0; u < 3; u++) {
    const hits = spotter.detect(fakeUtterance(30 + u * 5, 13));
    console.log(`utterance ${u}: ${hits.length} detections`);
  }
}
