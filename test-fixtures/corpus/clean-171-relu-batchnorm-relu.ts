// expect: none
// relu, then batch normalisation (an affine rescaling), then relu again: the normalisation sits
// between the two activations.
import * as tf from '@tensorflow/tfjs';

const bn = tf.layers.batchNormalization();

export function block(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const a = tf.relu(tf.matMul(x, W).add(tf.matMul(h, U)));
  return tf.relu(bn.apply(a) as tf.Tensor2D) as tf.Tensor2D;
}
