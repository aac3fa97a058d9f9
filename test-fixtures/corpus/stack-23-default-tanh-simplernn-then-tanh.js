// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function build(timesteps, features) {
  const model = tf.sequential();
  // SimpleRNN's default activation is already tanh.
  model.add(tf.layers.simpleRNN({ units: 24, inputShape: [timesteps, features] }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}
