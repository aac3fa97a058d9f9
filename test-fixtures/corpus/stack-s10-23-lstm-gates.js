// expect: stacked-activation
// Gated recurrent cells (GRU, LSTM) sharing a base class with a fused gate helper; used by the load-forecasting job.
const tf = require('@tensorflow/tfjs');

class GatedCell {
  constructor(inputSize, hiddenSize, numGates) {
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.gateW = tf.variable(tf.randomNormal([inputSize + hiddenSize, numGates * hiddenSize], 0, 0.15));
    this.gateB = tf.variable(tf.zeros([numGates * hiddenSize]));
  }

  /** sigmoid([x, h] W + b), split into one [batch, hidden] tensor per gate */
  gateBlock(x, h) {
    const z = tf.add(tf.matMul(tf.concat([x, h], 1), this.gateW), this.gateB);
    return tf.split(tf.sigmoid(z), this.gateW.shape[1] / this.hiddenSize, 1);
  }

  candidateWeights() {
    return tf.variable(tf.randomNormal([this.inputSize + this.hiddenSize, this.hiddenSize], 0, 0.15));
  }
}

class GRUCell extends GatedCell {
  constructor(inputSize, hiddenSize) {
    super(inputSize, hiddenSize, 2);
    this.candW = this.candidateWeights();
  }

  forward(x, h) {
    const [z, r] = this.gateBlock(x, h);
    const n = tf.tanh(tf.matMul(tf.concat([x, tf.mul(r, h)], 1), this.candW));
    return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
  }
}

class LSTMCell extends GatedCell {
  constructor(inputSize, hiddenSize) {
    super(inputSize, hiddenSize, 3);
    this.candW = this.candidateWeights();
  }

  forward(x, [h, c]) {
    const [i, f, o] = this.gateBlock(x, h).map((g) => tf.sigmoid(g));
    const g = tf.tanh(tf.matMul(tf.concat([x, h], 1), this.candW));
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, g));
    const hNext = tf.mul(o, tf.tanh(cNext));
    return [hNext, cNext];
  }
}

function forecast(cell, history, readout) {
  return tf.tidy(() => {
    const steps = tf.unstack(history, 1);
    const batch = history.shape[0];
    const zero = () => tf.zeros([batch, cell.hiddenSize]);
    let state = cell instanceof LSTMCell ? [zero(), zero()] : zero();
    for (const x of steps) state = cell.forward(x, state);
    const h = Array.isArray(state) ? state[0] : state;
    return tf.matMul(h, readout);
  });
}

module.exports = { GatedCell, GRUCell, LSTMCell, forecast };

if (require.main === module) {
  const readout = tf.variable(tf.randomNormal([20, 1], 0, 0.2));
  const history = tf.randomNormal([3, 24, 4]);
  forecast(new LSTMCell(4, 20), history, readout).print();
  forecast(new GRUCell(4, 20), history, readout).print();
}
