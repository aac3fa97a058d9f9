// expect: none
import * as tf from '@tensorflow/tfjs';

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  const batch = h.shape[0];
  const bias = tf.tile(b.expandDims(0), [batch, 1]);
  return tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)).add(bias)) as tf.Tensor2D;
}
