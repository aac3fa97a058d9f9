// expect: none
// Additive attention: tanh, then a projection, then softmax over positions.
import * as tf from '@tensorflow/tfjs';

export function attend(query: tf.Tensor2D, keys: tf.Tensor2D, Wq: tf.Tensor2D, Wk: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D {
  const energy = tf.tanh(tf.matMul(keys, Wk).add(tf.matMul(query, Wq))) as tf.Tensor2D;
  const scores = tf.matMul(energy, v).reshape([1, -1]) as tf.Tensor2D;
  const weights = tf.softmax(scores);
  return tf.matMul(weights, keys);
}
