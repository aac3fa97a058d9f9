// expect: none
import * as tf from '@tensorflow/tfjs';

export function project<T extends tf.Tensor>(h: T, W: tf.Tensor2D, W2: tf.Tensor2D): tf.Tensor {
  const z = tf.matMul(h as unknown as tf.Tensor2D, W);
  return tf.elu(tf.matMul(tf.sigmoid(z), W2));
}
