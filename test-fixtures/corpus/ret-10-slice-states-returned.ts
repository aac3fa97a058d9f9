// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class NoisyCell extends tf.layers.RNNCell {
  static className = 'NoisyCell';
  stateSize = 5;
  private k = tf.variable(tf.randomNormal([2, 5], 0, 0.1));
  private rk = tf.variable(tf.randomNormal([5, 5], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const all = inputs as tf.Tensor2D[];
      const x = all[0];
      const states = all.slice(1);
      const h = tf.tanh(tf.matMul(x, this.k).add(tf.matMul(states[0], this.rk)));
      return [h].concat(states);
    });
  }
}
