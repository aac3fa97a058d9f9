// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const inputProj = tf.layers.dense({ units: 32, activation: 'relu' });
const recurrentProj = tf.layers.dense({ units: 32, useBias: false });

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const fromX = inputProj.apply(x) as tf.Tensor2D;
  const mixed = tf.tanh(fromX);
  return mixed.add(recurrentProj.apply(h) as tf.Tensor2D) as tf.Tensor2D;
}
