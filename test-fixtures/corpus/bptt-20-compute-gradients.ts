// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

export function trainStep(
  xs: tf.Tensor2D[],
  y: tf.Tensor2D,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  readout: (h: tf.Tensor2D) => tf.Tensor2D,
  optimizer: tf.Optimizer,
  units: number,
): void {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs.slice(0, -1)) h = step(x, h);
  const { grads } = optimizer.computeGradients(() =>
    tf.losses.meanSquaredError(y, readout(step(xs[xs.length - 1], h))) as tf.Scalar);
  optimizer.applyGradients(grads);
}
