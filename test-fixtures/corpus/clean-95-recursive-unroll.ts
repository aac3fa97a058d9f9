// expect: none
import * as tf from '@tensorflow/tfjs';

const W = tf.randomNormal([2, 4]) as tf.Tensor2D;
const U = tf.randomNormal([4, 4]) as tf.Tensor2D;
const advance = (x: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D => tf.tanh(tf.matMul(x, W).add(tf.matMul(s, U))) as tf.Tensor2D;

export function unroll(xs: tf.Tensor2D[], s: tf.Tensor2D): tf.Tensor2D {
  if (xs.length === 0) return s;
  return unroll(xs.slice(1), advance(xs[0], s));
}
