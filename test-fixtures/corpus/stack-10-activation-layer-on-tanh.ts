// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const relu = tf.layers.activation({ activation: 'relu' });

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const hNew = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));
  return relu.apply(hNew) as tf.Tensor2D;
}
