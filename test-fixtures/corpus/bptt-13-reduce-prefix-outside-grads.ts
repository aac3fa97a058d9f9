// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

const step = (x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;

export function grads(xs: tf.Tensor2D[], y: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor[] {
  const h0 = tf.zeros([1, U.shape[0]]) as tf.Tensor2D;
  // The prefix is folded before the tape: dLoss/dU only sees the final step.
  const hPrefix = xs.slice(0, -1).reduce((h, x) => step(x, h, W, U), h0);
  const g = tf.grads((w: tf.Tensor, u: tf.Tensor) =>
    tf.losses.meanSquaredError(y, step(xs[xs.length - 1], hPrefix, w as tf.Tensor2D, u as tf.Tensor2D)));
  return g([W, U]);
}
