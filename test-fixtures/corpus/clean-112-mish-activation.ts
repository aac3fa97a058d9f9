// expect: none
// Mish, x * tanh(softplus(x)), is one self-gated activation, not two stacked ones (reduced from a
// false positive on tfjs-layers' activations.ts).
import * as tf from '@tensorflow/tfjs';

const mish = (z: tf.Tensor): tf.Tensor => tf.tidy(() => tf.mul(z, tf.tanh(tf.softplus(z))));

export function mishRnnStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  return mish(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
}
