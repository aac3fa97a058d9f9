// Two cells in one file: the probe needs --cell (or the cursor) to choose.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([4, 6], 0, 0.5));
const U = tf.variable(tf.randomNormal([6, 6], 0, 0.5));

export function goodStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D);
}

export function forgetfulStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(tf.matMul(x, W)) as tf.Tensor2D);
}
