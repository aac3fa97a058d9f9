// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function outputs(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], units: number): tf.Tensor[] {
  const h0 = tf.zeros([1, units]);
  const outs: tf.Tensor[] = [];
  for (const x of xs) {
    outs.push(tf.tidy(() => (cell.call([x, h0], {}) as tf.Tensor[])[0]));
  }
  return outs;
}
