// expect: bptt-cut, stacked-activation
// Class-based trainer for a binary click-prediction RNN over a tf.data dataset; bugs: forwardSequence() runs before optimizer.minimize, so the closure sees `prob` as a constant and the recurrent weights get no gradient, and the probability is tf.sigmoid applied directly to the tanh state `hNew`.
import * as tf from '@tensorflow/tfjs';

export class ClickTrainer {
  constructor(features, units = 16, lr = 0.01) {
    this.units = units;
    this.Wx = tf.variable(tf.randomNormal([features, units], 0, 0.1));
    this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.1));
    this.b = tf.variable(tf.zeros([units]));
    this.optimizer = tf.train.sgd(lr);
  }

  forwardSequence(frames) {
    let h = tf.zeros([frames[0].shape[0], this.units]);
    let prob = null;
    for (const x of frames) {
      const hNew = tf.tanh(x.matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b));
      prob = tf.sigmoid(hNew).mean(1, true);
      h = hNew;
    }
    return prob;
  }

  async train(dataset, epochs = 3) {
    for (let epoch = 0; epoch < epochs; epoch++) {
      let batches = 0;
      await dataset.forEachAsync(({ xs, ys }) => {
        const frames = tf.unstack(xs, 1);
        const prob = this.forwardSequence(frames);
        this.optimizer.minimize(() => tf.losses.logLoss(ys, prob), false, [this.Wx, this.Wh, this.b]);
        tf.dispose([prob, ...frames]);
        batches++;
      });
      console.log(`epoch ${epoch + 1}: ${batches} batches`);
      await tf.nextFrame();
    }
  }
}
