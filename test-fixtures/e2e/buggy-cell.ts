// A vanilla RNN step that computes a new hidden state and then returns the old one.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([4, 8], 0, 0.3));
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.3));

export function step(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const hNew = tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U)));
  return h;
}
