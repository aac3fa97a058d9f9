// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function build() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 32, activation: 'tanh', inputShape: [20, 4] }));
  // A second nonlinearity straight on the RNN's tanh output.
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}
