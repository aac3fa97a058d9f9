// expect: unused-hidden-state
'use strict';
const tf = require('@tensorflow/tfjs-node');

class GRUEncoderCell {
  constructor(inputSize, hiddenSize) {
    this.wz = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.wr = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.wn = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.uz = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
    this.ur = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
    this.un = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
  }

  // Every gate is computed from the input only; hPrev is a parameter in name only.
  forward(x, hPrev) {
    return tf.tidy(() => {
      const z = tf.sigmoid(tf.matMul(x, this.wz));
      const r = tf.sigmoid(tf.matMul(x, this.wr));
      const n = tf.tanh(tf.matMul(x, this.wn).mul(r));
      return tf.sub(1, z).mul(n);
    });
  }
}

module.exports = { GRUEncoderCell };
