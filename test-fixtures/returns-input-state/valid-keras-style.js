// Keras-style plain-class cells that return their new states as a list, and a wrapper that passes them on.
const tf = require('@tensorflow/tfjs');

class MinimalRNNCell {
  constructor(units, inputDim) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, units]));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units]));
  }

  call(inputs, states) {
    const prevOutput = states[0];
    const output = tf.add(tf.matMul(inputs, this.kernel), tf.matMul(prevOutput, this.recurrentKernel));
    return [output, [output]];
  }
}

// Dropout on the input only: the inner cell's new states are returned.
class InputDropoutCell {
  constructor(cell, rate) {
    this.cell = cell;
    this.rate = rate;
  }

  call(inputs, states) {
    const [output, newStates] = this.cell.call(tf.dropout(inputs, this.rate), states);
    return [output, newStates];
  }
}

// An LSTM-style list of two states, both new.
class TinyLSTMCell {
  constructor(units, inputDim) {
    this.kernel = tf.variable(tf.randomNormal([inputDim + units, 4 * units]));
  }

  call(inputs, states) {
    const [h, c] = states;
    const [i, f, o, g] = tf.split(tf.matMul(tf.concat([inputs, h], 1), this.kernel), 4, 1);
    const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew));
    return [hNew, [hNew, cNew]];
  }
}

module.exports = { MinimalRNNCell, InputDropoutCell, TinyLSTMCell };
