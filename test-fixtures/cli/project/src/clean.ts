import * as tf from '@tensorflow/tfjs';

const W = tf.randomNormal([8, 16]);
const U = tf.randomNormal([16, 16]);
const b = tf.zeros([16]);

// A correct Elman step: the previous state feeds the new one, which is returned.
export function elmanStep(x: tf.Tensor, h: tf.Tensor): tf.Tensor {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b));
}

export function run(xs: tf.Tensor[], h0: tf.Tensor): tf.Tensor {
  let h = h0;
  for (const x of xs) {
    h = elmanStep(x, h);
  }
  return h;
}
