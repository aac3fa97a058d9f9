// expect: none
// Truncated BPTT with computeGradients/applyGradients-style code: each k-step slice of ONE long
// stream is differentiated, and the last state of the slice seeds the next one (kept, detached).
import * as tf from '@tensorflow/tfjs';

export function trainStream(
  stream: tf.Tensor2D[],
  targets: tf.Tensor2D[],
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  readout: (h: tf.Tensor2D) => tf.Tensor2D,
  optimizer: tf.Optimizer,
  units: number,
  bpttLen: number,
): void {
  let seed = tf.zeros([1, units]) as tf.Tensor2D;
  for (let k = 0; k < stream.length; k += bpttLen) {
    let last = seed;
    const { grads } = tf.variableGrads(() => {
      let h = seed;
      let loss = tf.scalar(0);
      stream.slice(k, k + bpttLen).forEach((x, j) => {
        h = step(x, h);
        loss = loss.add(tf.losses.meanSquaredError(targets[k + j], readout(h)));
      });
      last = tf.keep(h);
      return loss as tf.Scalar;
    });
    optimizer.applyGradients(grads);
    tf.dispose(grads);
    if (seed !== last) seed.dispose();
    seed = last;
  }
}
