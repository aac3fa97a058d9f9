import * as tf from '@tensorflow/tfjs';

const W = tf.randomNormal([8, 16]);
const U = tf.randomNormal([16, 16]);

// Computes the new hidden state, then returns the one it was given.
export function step(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const hNew = tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U)));
  return h;
}
