// expect: none
// clone() is differentiable (an identity): cloning the state inside the tape does not cut BPTT.
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
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    for (const x of xs) {
      h = step(x, h).clone();
    }
    return tf.losses.meanSquaredError(y, readout(h)) as tf.Scalar;
  });
}
