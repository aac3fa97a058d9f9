// Probabilities from a model whose last layer already applies the activation, squashed again.
import * as tf from '@tensorflow/tfjs';

export function buildCharModel(vocab: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [10, vocab] }));
  model.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));
  return model;
}

// The Keras text-generation sampler, reading the model's probabilities as logits.
export function sample(preds: tf.Tensor1D, temperature: number): tf.Tensor {
  return tf.softmax(preds.div(temperature));
  //     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function generate(model: tf.LayersModel, seed: tf.Tensor3D, temperature: number): tf.Tensor {
  const preds = (model.predict(seed) as tf.Tensor2D).squeeze([0]) as tf.Tensor1D;
  return sample(preds, temperature);
}

export function main(): tf.Tensor {
  const model = buildCharModel(12);
  return generate(model, tf.zeros([1, 10, 12]), 0.8);
}

// A functional model ending in a sigmoid, and a risk score that applies another.
const input = tf.input({ shape: [8] });
const hidden = tf.layers.dense({ units: 4, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(hidden) as tf.SymbolicTensor;
const monitor = tf.model({ inputs: input, outputs: out });

export function riskScore(x: tf.Tensor2D): tf.Tensor {
  return tf.sigmoid(monitor.predict(x) as tf.Tensor);
  //     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}
