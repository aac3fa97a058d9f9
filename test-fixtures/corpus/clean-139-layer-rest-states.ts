// expect: none
import * as tf from '@tensorflow/tfjs';

export class GatedStepLayer extends tf.layers.Layer {
  static className = 'GatedStepLayer';
  private readonly gate = tf.layers.dense({ units: 10, activation: 'sigmoid' });
  private readonly cand = tf.layers.dense({ units: 10, activation: 'tanh' });

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, ...states] = inputs as tf.Tensor[];
      const xh = tf.concat([x, states[0]], 1);
      const g = this.gate.apply(xh) as tf.Tensor;
      const n = this.cand.apply(xh) as tf.Tensor;
      const next = g.mul(n).add(tf.sub(1, g).mul(states[0]));
      return [next, next];
    });
  }
}
