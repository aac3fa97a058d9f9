// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function project<T extends tf.Tensor>(h: T, W: tf.Tensor2D): tf.Tensor {
  const z = tf.matMul(h as unknown as tf.Tensor2D, W);
  return tf.elu(tf.sigmoid(z));
}
