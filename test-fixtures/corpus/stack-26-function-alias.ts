// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const squash = tf.tanh;

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  return squash(tf.sigmoid(tf.matMul(x, W).add(tf.matMul(h, U)))) as tf.Tensor2D;
}
