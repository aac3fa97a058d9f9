// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export function build(timesteps: number, features: number, classes: number): tf.LayersModel {
  const input = tf.input({ shape: [timesteps, features] });
  const h = tf.layers.gru({ units: 16 }).apply(input) as tf.SymbolicTensor;
  const scores = tf.layers.dense({ units: classes, activation: 'sigmoid' }).apply(h) as tf.SymbolicTensor;
  const probs = tf.layers.activation({ activation: 'softmax' }).apply(scores) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: probs });
}
