// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function candidate(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor {
  return tf.sigmoid(tf.matMul(x, W).add(tf.matMul(h, U))).tanh();
}
