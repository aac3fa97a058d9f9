import * as tf from '@tensorflow/tfjs';

const Wx = tf.randomNormal([8, 16]);
const Wh = tf.randomNormal([16, 16]);

// The pre-activation goes through sigmoid and then tanh: squashed twice.
export function squashStep(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  const z = tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh));
  return tf.tanh(tf.sigmoid(z));
}
