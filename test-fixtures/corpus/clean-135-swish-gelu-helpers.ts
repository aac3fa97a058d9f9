// expect: none
// Swish and tanh-GELU as activation helpers of a cell: each is one activation.
import * as tf from '@tensorflow/tfjs';

const swish = (z: tf.Tensor) => tf.mul(z, tf.sigmoid(z));
const gelu = (z: tf.Tensor) =>
  tf.mul(tf.mul(z, 0.5), tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(z, tf.mul(0.044715, tf.pow(z, 3)))))));

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D): tf.Tensor2D {
  const a = swish(tf.matMul(x, W));
  return gelu(tf.matMul(a, V).add(tf.matMul(h, U))) as tf.Tensor2D;
}
