// The step throws on line 9 of this file.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([4, 8], 0, 1));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.matMul(x, W);
  if (z.shape[1] === 8) {
    throw new Error('probe fixture: deliberate failure');
  }
  return tf.tanh(z.add(h)) as tf.Tensor2D;
}
