// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export const step = (x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D =>
  tf.leakyRelu(tf.elu(tf.matMul(x, W).add(tf.matMul(h, U))), 0.1) as tf.Tensor2D;
