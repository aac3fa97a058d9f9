// expect: bptt-cut
// tf.grads over the weights, but the unroll that produced h ran before, outside the function.
import * as tf from '@tensorflow/tfjs';

function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
}

export function weightGrads(xs: tf.Tensor2D[], y: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor[] {
  let h = tf.zeros([1, U.shape[0]]) as tf.Tensor2D;
  for (let t = 0; t < xs.length - 1; t++) {
    h = step(xs[t], h, W, U);
  }
  const g = tf.grads((w: tf.Tensor, u: tf.Tensor) => {
    const last = step(xs[xs.length - 1], h, w as tf.Tensor2D, u as tf.Tensor2D);
    return tf.losses.meanSquaredError(y, last);
  });
  return g([W, U]);
}
