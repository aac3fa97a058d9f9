// A helper that unrolls an inline recurrence (no step function: `const hNew = tf.tanh(... h ...);
// h = hNew`) and returns a value it computes from the state at every step, called before the
// optimizer starts recording: the recurrent weights get no gradient.
import * as tf from '@tensorflow/tfjs';

export class ClickTrainer {
  constructor(features, units) {
    this.units = units;
    this.Wx = tf.variable(tf.randomNormal([features, units], 0, 0.1));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
    this.Wo = tf.variable(tf.randomNormal([units, 1], 0, 0.1));
    this.optimizer = tf.train.sgd(0.01);
  }

  forwardSequence(frames) {
    let h = tf.zeros([frames[0].shape[0], this.units]);
    let prob = null;
    for (const x of frames) {
      const hNew = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)));
      prob = hNew.matMul(this.Wo).sigmoid();
      h = hNew;
    }
    return prob;
  }

  lastState(frames) {
    let h = tf.zeros([frames[0].shape[0], this.units]);
    for (const x of frames) {
      const next = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)));
      h.dispose();
      h = next;
    }
    return h;
  }

  // The recurrence inside a tidy: the helper returns what the tidy callback returns.
  tidyState(frames) {
    return tf.tidy(() => {
      let h = tf.zeros([frames[0].shape[0], this.units]);
      for (const x of frames) {
        h = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)));
      }
      return h;
    });
  }

  trainBatch(frames, ys) {
    const prob = this.forwardSequence(frames);
    this.optimizer.minimize(() => tf.losses.logLoss(ys, prob));
//                                                      ~~~~ bptt-cut
    const hT = this.lastState(frames);
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, hT.matMul(this.Wo)));
//                                                               ~~ bptt-cut
    const hLast = this.tidyState(frames);
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, hLast.matMul(this.Wo)));
//                                                               ~~~~~ bptt-cut
  }
}
