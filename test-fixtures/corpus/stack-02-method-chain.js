// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export class ChainCell {
  constructor(inputDim, units) {
    this.W = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
    this.b = tf.variable(tf.zeros([units]));
  }

  forward(x, h) {
    return x.matMul(this.W).add(h.matMul(this.U)).add(this.b).tanh().sigmoid();
  }
}
