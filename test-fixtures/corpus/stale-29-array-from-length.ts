// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function rollout(x0: tf.Tensor2D, steps: number, step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number): tf.Tensor2D[] {
  const h0 = tf.zeros([1, units]) as tf.Tensor2D;
  // Meant to roll the state forward T steps; every element is one step from h0.
  return Array.from({ length: steps }, () => step(x0, h0));
}
