// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class PlainLSTMCell extends tf.layers.RNNCell {
  static className = 'PlainLSTMCell';
  readonly units = 8;
  stateSize = [8, 8];
  private kernel = tf.variable(tf.randomNormal([4, 32], 0, 0.1));
  private recurrentKernel = tf.variable(tf.randomNormal([8, 32], 0, 0.1));
  private bias = tf.variable(tf.zeros([32]));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h, c] = inputs as tf.Tensor2D[];
      const z = tf.matMul(x, this.kernel).add(tf.matMul(h, this.recurrentKernel)).add(this.bias) as tf.Tensor2D;
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const newC = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg)));
      const newH = tf.sigmoid(zo).mul(tf.tanh(newC));
      // Bug: the cell state handed to the next step is the old one.
      return [newH, newH, c];
    });
  }
}
