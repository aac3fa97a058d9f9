// expect: none
// Two tanh Dense layers in a row: each has its own kernel, so the activations are not stacked.
import * as tf from '@tensorflow/tfjs';

const l1 = tf.layers.dense({ units: 16, activation: 'tanh' });
const l2 = tf.layers.dense({ units: 8, activation: 'tanh' });

export function readout(h: tf.Tensor2D): tf.Tensor2D {
  return l2.apply(l1.apply(h)) as tf.Tensor2D;
}
