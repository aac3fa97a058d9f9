// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

export function trainAndTrace(
  xs: tf.Tensor2D[],
  y: tf.Tensor2D,
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  readout: (h: tf.Tensor2D) => tf.Tensor2D,
  optimizer: tf.Optimizer,
  units: number,
): number[][] {
  // Display: read states back to JS after the fact (fine, no gradient here).
  const trace: number[][] = [];
  let shown = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) {
    shown = step(x, shown);
    trace.push(Array.from(shown.dataSync()));
  }
  // Training: the state is rebuilt from numbers at every step inside the tape.
  optimizer.minimize(() => {
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    for (const x of xs) {
      const next = step(x, h);
      h = tf.tensor2d(next.arraySync() as number[][]);
    }
    return tf.losses.meanSquaredError(y, readout(h)) as tf.Scalar;
  });
  return trace;
}
