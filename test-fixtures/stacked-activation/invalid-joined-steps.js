// A per-frame tagger whose step returns sigmoid probabilities; the training loss joins the
// per-frame outputs and gives them to a loss that applies sigmoid itself.
const tf = require('@tensorflow/tfjs');

class FrameTagger {
  constructor(features, units) {
    this.wx = tf.variable(tf.randomNormal([features, units]));
    this.wh = tf.variable(tf.randomNormal([units, units]));
    this.wy = tf.variable(tf.randomNormal([units, 1]));
  }

  stepFrame(frame, h) {
    const next = tf.tanh(frame.matMul(this.wx).add(h.matMul(this.wh)));
    return [tf.sigmoid(next.matMul(this.wy)), next];
  }

  loss(frames, labels) {
    let h = tf.zeros([1, this.wh.shape[0]]);
    const probs = tf.unstack(frames).map((row) => {
      const [p, next] = this.stepFrame(row.expandDims(0), h);
      h = next;
      return p;
    });
    return tf.losses.sigmoidCrossEntropy(labels, tf.concat(probs, 0));
//                                               ~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}

module.exports = { FrameTagger };
