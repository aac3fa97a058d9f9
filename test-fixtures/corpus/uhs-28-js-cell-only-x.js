// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export class DenseAsCell extends tf.layers.RNNCell {
  constructor(units, inputDim) {
    super({});
    this.units = units;
    this.stateSize = units;
    this.kernel = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
    this.recurrentKernel = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  call(inputs) {
    const [x] = inputs;
    const y = tf.relu(tf.matMul(x, this.kernel));
    return [y, y];
  }

  static get className() {
    return 'DenseAsCell';
  }
}
