// Bug: the new state is computed from the input only; h is never read.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([6, 12], 0, 0.4));
const Wh = tf.variable(tf.randomNormal([12, 12], 0, 0.3));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const unused = Wh;
  return tf.tidy(() => tf.tanh(tf.matMul(x, Wx)) as tf.Tensor2D);
}
