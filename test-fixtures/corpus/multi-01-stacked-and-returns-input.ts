// expect: stacked-activation, returns-input-state
import * as tf from '@tensorflow/tfjs';

export class BrokenCell extends tf.layers.RNNCell {
  static className = 'BrokenCell';
  stateSize = 12;
  private kernel = tf.variable(tf.randomNormal([6, 12], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([12, 12], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, hPrev] = inputs as tf.Tensor2D[];
      const z = tf.matMul(x, this.kernel).add(tf.matMul(hPrev, this.recurrentKernel));
      const hNew = tf.sigmoid(tf.tanh(z));
      return [hNew, hPrev];
    });
  }
}
