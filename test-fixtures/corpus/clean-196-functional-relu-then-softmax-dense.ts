// expect: none
import * as tf from '@tensorflow/tfjs';

export function build(timesteps: number, features: number, classes: number): tf.LayersModel {
  const input = tf.input({ shape: [timesteps, features] });
  const h = tf.layers.gru({ units: 16 }).apply(input) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h) as tf.SymbolicTensor;
  const probs = tf.layers.dense({ units: classes, activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: probs });
}
