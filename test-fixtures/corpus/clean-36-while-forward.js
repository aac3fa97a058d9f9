// expect: none
const tf = require('@tensorflow/tfjs');

class TinyRNN {
  constructor(inDim, hDim) {
    this.hDim = hDim;
    this.W = tf.variable(tf.randomUniform([inDim, hDim], -0.1, 0.1));
    this.U = tf.variable(tf.randomUniform([hDim, hDim], -0.1, 0.1));
  }
  forward(x, h) {
    return tf.tanh(x.matMul(this.W).add(h.matMul(this.U)));
  }
}

function run(model, seq) {
  let hidden = tf.zeros([1, model.hDim]);
  let t = 0;
  while (t < seq.length) {
    hidden = model.forward(seq[t], hidden);
    t += 1;
  }
  return hidden;
}

module.exports = { TinyRNN, run };
