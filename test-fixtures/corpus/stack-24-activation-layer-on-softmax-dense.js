// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const probs = tf.layers.dense({ units: 10, activation: 'softmax' });
const squash = tf.layers.activation({ activation: 'sigmoid' });

export function readout(h) {
  return squash.apply(probs.apply(h));
}
