// expect: none
// `h` is reassigned to a projection before the second activation: tanh, matMul, sigmoid.
import * as tf from '@tensorflow/tfjs';

export function step(x: tf.Tensor2D, hPrev: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  let h = tf.tanh(tf.matMul(x, W).add(tf.matMul(hPrev, U))) as tf.Tensor2D;
  const state = h;
  h = tf.matMul(h, V);
  return [tf.sigmoid(h), state];
}
