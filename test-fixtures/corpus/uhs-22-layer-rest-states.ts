// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

// A plain Layer used as a cell by a hand-written unroll: call([x, ...states]).
export class GatedStepLayer extends tf.layers.Layer {
  static className = 'GatedStepLayer';
  private readonly gate = tf.layers.dense({ units: 10, activation: 'sigmoid' });
  private readonly cand = tf.layers.dense({ units: 10, activation: 'tanh' });

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, ...states] = inputs as tf.Tensor[];
      const g = this.gate.apply(x) as tf.Tensor;
      const n = this.cand.apply(x) as tf.Tensor;
      const next = g.mul(n);
      return [next, next];
    });
  }
}
