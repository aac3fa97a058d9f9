// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

export function lossAndGrads(xs: tf.Tensor2D[], y: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D) {
  let h = tf.zeros([1, U.shape[0]]) as tf.Tensor2D;
  let t = 0;
  while (t < xs.length - 1) {
    h = tf.tanh(tf.matMul(xs[t], W).add(tf.matMul(h, U))) as tf.Tensor2D;
    t++;
  }
  // The gradient with respect to U is asked for, but all steps but the last ran before the tape.
  const f = tf.valueAndGrads((u: tf.Tensor, v: tf.Tensor) => {
    const last = tf.tanh(tf.matMul(xs[xs.length - 1], W).add(tf.matMul(h, u as tf.Tensor2D))) as tf.Tensor2D;
    return tf.losses.meanSquaredError(y, tf.matMul(last, v as tf.Tensor2D));
  });
  return f([U, V]);
}
