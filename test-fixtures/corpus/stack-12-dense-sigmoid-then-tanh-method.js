// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const gate = tf.layers.dense({ units: 16, activation: 'sigmoid' });

export function highwayish(x, h) {
  const mixed = gate.apply(tf.concat([x, h], 1));
  return mixed.tanh();
}
