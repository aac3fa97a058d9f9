// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function statesOf(xs: tf.Tensor2D[], step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number): tf.Tensor2D[] {
  const h0 = tf.zeros([1, units]) as tf.Tensor2D;
  return Array.from(xs, (x) => step(x, h0));
}
