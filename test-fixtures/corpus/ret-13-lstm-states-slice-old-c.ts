// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class SliceLSTM extends tf.layers.RNNCell {
  static className = 'SliceLSTM';
  stateSize = [6, 6];
  private W = tf.variable(tf.randomNormal([3 + 6, 24], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const list = inputs as tf.Tensor2D[];
      const states = list.slice(1);
      const z = tf.matMul(tf.concat([list[0], states[0]], 1), this.W) as tf.Tensor2D;
      const [i, f, g, o] = tf.split(z, 4, 1);
      const newC = tf.sigmoid(f).mul(states[1]).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul(tf.tanh(newC));
      return [h, h, states[1]];
    });
  }
}
