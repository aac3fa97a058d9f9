// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class HalfUpdatedLSTMCell extends tf.layers.RNNCell {
  static className = 'HalfUpdatedLSTMCell';
  stateSize = [4, 4];
  private W = tf.variable(tf.randomNormal([2 + 4, 16], 0, 0.1));

  constructor() {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const states = (inputs as tf.Tensor2D[]).slice(1);
      const x = (inputs as tf.Tensor2D[])[0];
      const z = tf.matMul(tf.concat([x, states[0]], 1), this.W) as tf.Tensor2D;
      const [i, f, g, o] = tf.split(z, 4, 1);
      const newC = tf.sigmoid(f).mul(states[1]).add(tf.sigmoid(i).mul(tf.tanh(g)));
      const newH = tf.sigmoid(o).mul(tf.tanh(newC));
      // Output is right; the h handed to the next step is the old one.
      return [newH, states[0], newC];
    });
  }
}
