// expect: returns-input-state
'use strict';
const tf = require('@tensorflow/tfjs');

class Cell {
  constructor(inputSize, hiddenSize) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize], useBias: false });
  }

  forward(input, hidden) {
    const combined = tf.add(this.wIh.apply(input), this.wHh.apply(hidden));
    const newHidden = tf.tanh(combined);
    const output = newHidden.mul(2);
    return { output, hidden };
  }
}

module.exports = { Cell };
