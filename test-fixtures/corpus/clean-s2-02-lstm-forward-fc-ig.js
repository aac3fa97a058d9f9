// expect: none
const tf = require('@tensorflow/tfjs');

class LSTMCell {
  constructor(inputSize, hiddenSize) {
    this.hiddenSize = hiddenSize;
    this.weightIH = tf.variable(tf.randomNormal([inputSize, 4 * hiddenSize], 0, 0.05));
    this.weightHH = tf.variable(tf.randomNormal([hiddenSize, 4 * hiddenSize], 0, 0.05));
    this.bias = tf.variable(tf.zeros([4 * hiddenSize]));
  }

  forward(input, hidden) {
    const [hx, cx] = hidden;
    const gates = tf.matMul(input, this.weightIH)
      .add(tf.matMul(hx, this.weightHH))
      .add(this.bias);
    let [ingate, forgetgate, cellgate, outgate] = tf.split(gates, 4, 1);
    ingate = tf.sigmoid(ingate);
    forgetgate = tf.sigmoid(forgetgate);
    cellgate = tf.tanh(cellgate);
    outgate = tf.sigmoid(outgate);

    const cy = forgetgate.mul(cx).add(ingate.mul(cellgate));
    const hy = outgate.mul(tf.tanh(cy));
    return [hy, cy];
  }

  initHidden(batch) {
    return [tf.zeros([batch, this.hiddenSize]), tf.zeros([batch, this.hiddenSize])];
  }
}

function runSequence(cell, xs) {
  let hidden = cell.initHidden(xs[0].shape[0]);
  const outputs = xs.map((x) => {
    hidden = cell.forward(x, hidden);
    return hidden[0];
  });
  return { outputs, hidden };
}

module.exports = { LSTMCell, runSequence };
