// expect: stale-state
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
  const initial = tf.zeros([1, model.hDim]);
  let t = 0;
  let latest = null;
  while (t < seq.length) {
    latest = model.forward(seq[t], initial);
    t += 1;
  }
  return latest;
}

module.exports = { TinyRNN, run };
