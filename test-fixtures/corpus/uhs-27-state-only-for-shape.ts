// expect: unused-hidden-state
// The previous state only lends its batch size; its values never reach the new state.
import * as tf from '@tensorflow/tfjs';

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const batch = h.shape[0];
  return tf.tanh(tf.matMul(x, W)).reshape([batch, -1]) as tf.Tensor2D;
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  let h = tf.zeros([xs[0].shape[0], U.shape[0]]) as tf.Tensor2D;
  for (const x of xs) h = step(x, h, W, U);
  return h;
}
