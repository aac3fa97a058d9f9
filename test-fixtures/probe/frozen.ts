// Bug: the new state is computed and thrown away; the old one is returned.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([6, 12], 0, 0.4));
const Wh = tf.variable(tf.randomNormal([12, 12], 0, 0.3));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D[] {
  const hNew = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  return [hNew, h];
}
