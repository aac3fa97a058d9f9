// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export class ReluSigmoidCell extends tf.layers.RNNCell {
  static className = 'ReluSigmoidCell';
  stateSize = 32;
  private wx = tf.variable(tf.randomNormal([16, 32], 0, 0.05));
  private wh = tf.variable(tf.randomNormal([32, 32], 0, 0.05));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor2D[];
      const z = tf.matMul(x, this.wx).add(tf.matMul(h, this.wh));
      const a = tf.relu(z);
      const hNew = tf.sigmoid(a);
      return [hNew, hNew];
    });
  }
}
