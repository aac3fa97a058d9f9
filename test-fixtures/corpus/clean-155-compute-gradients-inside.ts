// expect: none
import * as tf from '@tensorflow/tfjs';

export function trainStep(
  xs: tf.Tensor2D[],
  y: tf.Tensor2D,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  readout: (h: tf.Tensor2D) => tf.Tensor2D,
  optimizer: tf.Optimizer,
  units: number,
): void {
  const { grads } = optimizer.computeGradients(() => {
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    for (const x of xs) h = step(x, h);
    return tf.losses.meanSquaredError(y, readout(h)) as tf.Scalar;
  });
  optimizer.applyGradients(grads);
}
