// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const hidden = tf.layers.dense({ units: 16, activation: 'relu' });

export function gateFrom(h: tf.Tensor2D): tf.Tensor {
  return (hidden.apply(h) as tf.Tensor).sigmoid();
}
