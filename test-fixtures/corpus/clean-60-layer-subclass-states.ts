// expect: none
// A plain Layer (not RNNCell) whose call takes [x, h] and returns [y, hNext].
import * as tf from '@tensorflow/tfjs';

export class RecurrentBlock extends tf.layers.Layer {
  static className = 'RecurrentBlock';
  private readonly inProj = tf.layers.dense({ units: 16, useBias: true });
  private readonly recProj = tf.layers.dense({ units: 16, useBias: false });
  private readonly outProj = tf.layers.dense({ units: 4 });

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
    const [x] = inputShape as tf.Shape[];
    return [[x[0], 4], [x[0], 16]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, h] = inputs as tf.Tensor[];
      const hNext = tf.tanh(tf.add(this.inProj.apply(x) as tf.Tensor, this.recProj.apply(h) as tf.Tensor));
      return [this.outProj.apply(hNext) as tf.Tensor, hNext];
    });
  }
}
