// expect: none
// activation: 'linear' is no activation at all: one tanh after an affine layer.
import * as tf from '@tensorflow/tfjs';

const proj = tf.layers.dense({ units: 8, activation: 'linear' });

export function embedStep(x: tf.Tensor2D, h: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const projected = proj.apply(x) as tf.Tensor2D;
  return tf.tanh(projected.add(tf.matMul(h, U))) as tf.Tensor2D;
}
