// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const U = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.matMul(x, W).add(tf.matMul(h, U));
  return tf.tanh(tf.tanh(z)) as tf.Tensor2D;
}
