// Bug: tanh applied to a tanh; the state can never leave ±tanh(1) ≈ ±0.7616.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16], 0, 0.5));
const U = tf.variable(tf.randomNormal([16, 16], 0, 0.5));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.matMul(x, W).add(tf.matMul(h, U));
  return tf.tidy(() => tf.tanh(tf.tanh(z)) as tf.Tensor2D);
}
