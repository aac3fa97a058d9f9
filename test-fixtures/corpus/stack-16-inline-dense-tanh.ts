// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function embedStep(x: tf.Tensor2D, h: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const projected = tf.layers.dense({ units: 8, activation: 'tanh' }).apply(x) as tf.Tensor2D;
  return tf.tanh(projected).add(tf.matMul(h, U)) as tf.Tensor2D;
}
