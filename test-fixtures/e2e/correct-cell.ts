// A correct vanilla RNN step: h' = tanh(x W + h U + b).
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([4, 8], 0, 0.3));
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.3));
const b = tf.variable(tf.zeros([8]));

export function step(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const hNew = tf.tanh(tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b));
  return hNew;
}
