// Two bugs: a safe fix (return the new state) and a suggestion only (remove a stacked activation).
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([4, 8], 0, 0.3));
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.3));

export function step(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const z = tf.add(tf.matMul(x, W), tf.matMul(h, U));
  const hNew = tf.tanh(tf.sigmoid(z));
  return h;
}
