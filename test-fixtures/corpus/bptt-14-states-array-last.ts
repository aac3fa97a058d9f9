// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

export function train(
  xs: tf.Tensor2D[],
  y: tf.Tensor2D,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  head: tf.layers.Layer,
  optimizer: tf.Optimizer,
  units: number,
): void {
  const states: tf.Tensor2D[] = [];
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) {
    h = step(x, h);
    states.push(h);
  }
  optimizer.minimize(() => tf.losses.meanSquaredError(y, head.apply(states[states.length - 1]) as tf.Tensor) as tf.Scalar);
}
