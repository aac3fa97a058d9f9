// expect: none
import * as tf from '@tensorflow/tfjs';

export function build() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 32, activation: 'tanh', inputShape: [20, 4] }));
  model.add(tf.layers.dense({ units: 16 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}
