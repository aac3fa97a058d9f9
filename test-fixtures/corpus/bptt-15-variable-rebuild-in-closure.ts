// expect: bptt-cut
// Wrapping each new state in a fresh tf.variable makes it a leaf: the gradient stops there.
import * as tf from '@tensorflow/tfjs';

export function train(
  xs: tf.Tensor2D[],
  y: tf.Tensor2D,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  readout: (h: tf.Tensor2D) => tf.Tensor2D,
  optimizer: tf.Optimizer,
  units: number,
): void {
  optimizer.minimize(() => {
    let h: tf.Tensor2D = tf.zeros([1, units]);
    for (const x of xs) {
      h = tf.variable(step(x, h), false) as tf.Variable<tf.Rank.R2>;
    }
    return tf.losses.meanSquaredError(y, readout(h)) as tf.Scalar;
  });
}
