// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

export function fit(
  batches: { xs: tf.Tensor2D[]; y: tf.Tensor2D }[],
  cell: (x: tf.Tensor2D, s: tf.Tensor2D) => tf.Tensor2D,
  readout: (s: tf.Tensor2D) => tf.Tensor2D,
  optimizer: tf.Optimizer,
  units: number,
  epochs: number,
): void {
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { xs, y } of batches) {
      let state = tf.zeros([xs[0].shape[0], units]) as tf.Tensor2D;
      for (const x of xs) {
        state = cell(x, state);
      }
      optimizer.minimize(() => tf.losses.meanSquaredError(y, readout(state)) as tf.Scalar);
    }
  }
}
