// Bug: log of a value that reaches zero and below: NaN from the first step.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([4, 8], 0, 1));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.log(tf.matMul(x, W).add(h)) as tf.Tensor2D;
}
