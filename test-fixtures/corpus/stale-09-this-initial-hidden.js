// expect: stale-state
const tf = require('@tensorflow/tfjs');

class Tagger {
  constructor(inputDim, hiddenDim, numTags) {
    this.W = tf.variable(tf.randomNormal([inputDim, hiddenDim], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([hiddenDim, hiddenDim], 0, 0.1));
    this.V = tf.variable(tf.randomNormal([hiddenDim, numTags], 0, 0.1));
    this.initialHidden = tf.zeros([1, hiddenDim]);
  }

  forward(x, hidden) {
    return tf.tanh(x.matMul(this.W).add(hidden.matMul(this.U)));
  }

  tag(tokens) {
    const tags = [];
    let k = 0;
    do {
      const hidden = this.forward(tokens[k], this.initialHidden);
      tags.push(hidden.matMul(this.V).argMax(1).dataSync()[0]);
      k++;
    } while (k < tokens.length);
    return tags;
  }
}

module.exports = { Tagger };
