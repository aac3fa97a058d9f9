// An activation's output scaled by a constant (a sampling temperature) before a second activation.
import * as tf from '@tensorflow/tfjs';

const Wp = tf.variable(tf.randomNormal([8, 5], 0, 0.1));

export function sample(h: tf.Tensor2D, temperature: number): tf.Tensor {
  const hidden = h.matMul(Wp).relu();
  return tf.softmax(tf.div(hidden, temperature));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function sharpen(logits: tf.Tensor2D): tf.Tensor {
  return logits.sigmoid().mul(2).tanh();
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function withScalar(z: tf.Tensor2D, T: number): tf.Tensor {
  return tf.softmax(tf.tanh(z).div(tf.scalar(T)));
//       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}
