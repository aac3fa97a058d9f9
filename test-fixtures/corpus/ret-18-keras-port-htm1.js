// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class PortedSimpleCell extends tf.layers.RNNCell {
  constructor(units, inputDim) {
    super({});
    this.units = units;
    this.stateSize = units;
    this.kernel = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  call(inputs) {
    return tf.tidy(() => {
      const [x, hTm1] = inputs;
      const h = tf.tanh(tf.add(tf.matMul(x, this.kernel), tf.matMul(hTm1, this.recurrentKernel)));
      return [h, hTm1];
    });
  }

  static get className() {
    return 'PortedSimpleCell';
  }
}
