// expect: none
import * as tf from '@tensorflow/tfjs';

export class HelperCell extends tf.layers.RNNCell {
  static className = 'HelperCell';
  stateSize = 16;
  private wx = tf.variable(tf.randomNormal([8, 16], 0, 0.1));
  private wh = tf.variable(tf.randomNormal([16, 16], 0, 0.1));

  constructor() {
    super({});
  }

  private combine(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
    return tf.add(tf.matMul(x as tf.Tensor2D, this.wx), tf.matMul(h as tf.Tensor2D, this.wh));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const out = tf.tanh(this.combine(x, h));
      return [out, out];
    });
  }
}
