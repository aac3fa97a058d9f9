// Example (deliberate bug): tanh applied twice; the state can never leave ±tanh(1) ≈ ±0.7616.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16], 0, 0.5));
const U = tf.variable(tf.randomNormal([16, 16], 0, 0.5));

function squash(z: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(z);
}

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.tanh(squash(tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D)) as tf.Tensor2D);
}
