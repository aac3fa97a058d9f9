// Joined per-frame outputs given to the loss that fits them: probabilities to `logLoss`, logits to
// `sigmoidCrossEntropy`, and a list that mixes logits with probabilities is not one activation's output.
const tf = require('@tensorflow/tfjs');

class FrameTagger {
  constructor(features, units) {
    this.wx = tf.variable(tf.randomNormal([features, units]));
    this.wh = tf.variable(tf.randomNormal([units, units]));
    this.wy = tf.variable(tf.randomNormal([units, 1]));
  }

  stepFrame(frame, h) {
    const next = tf.tanh(frame.matMul(this.wx).add(h.matMul(this.wh)));
    const logit = next.matMul(this.wy);
    return [logit, tf.sigmoid(logit), next];
  }

  probabilityLoss(frames, labels) {
    let h = tf.zeros([1, this.wh.shape[0]]);
    const probs = tf.unstack(frames).map((row) => {
      const [, p, next] = this.stepFrame(row.expandDims(0), h);
      h = next;
      return p;
    });
    return tf.losses.logLoss(labels, tf.concat(probs, 0));
  }

  logitLoss(frames, labels) {
    let h = tf.zeros([1, this.wh.shape[0]]);
    const logits = tf.unstack(frames).map((row) => {
      const [z, , next] = this.stepFrame(row.expandDims(0), h);
      h = next;
      return z;
    });
    return tf.losses.sigmoidCrossEntropy(labels, tf.stack(logits));
  }

  mixedLoss(first, rest, labels) {
    const [z] = this.stepFrame(first, tf.zeros([1, this.wh.shape[0]]));
    const [, p] = this.stepFrame(rest, tf.zeros([1, this.wh.shape[0]]));
    return tf.losses.sigmoidCrossEntropy(labels, tf.concat([z, p], 0));
  }
}

module.exports = { FrameTagger };
