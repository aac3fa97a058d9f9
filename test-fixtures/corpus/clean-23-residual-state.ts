// expect: none
import * as tf from '@tensorflow/tfjs';

const D = 12;
const Wx = tf.variable(tf.randomNormal([D, D], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([D, D], 0, 0.05));

// Residual recurrence: the new state is the old one plus a tanh update.
export const residualStep = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  h.add(tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)))) as tf.Tensor2D;

export function run(xs: tf.Tensor2D[]): tf.Tensor2D {
  return xs.reduce((h, x) => residualStep(x, h), tf.zeros([1, D]) as tf.Tensor2D);
}
