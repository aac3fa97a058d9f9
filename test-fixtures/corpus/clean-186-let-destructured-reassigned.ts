// expect: none
// The incoming states are destructured with `let` and then reassigned to the new values.
import * as tf from '@tensorflow/tfjs';

export class ReassigningLSTMCell extends tf.layers.RNNCell {
  static className = 'ReassigningLSTMCell';
  stateSize = [5, 5];
  private W = tf.variable(tf.randomNormal([3 + 5, 20], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      let [x, h, c] = inputs as tf.Tensor2D[];
      const z = tf.matMul(tf.concat([x, h], 1), this.W) as tf.Tensor2D;
      const [i, f, g, o] = tf.split(z, 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
      h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
      return [h, h, c];
    });
  }
}
