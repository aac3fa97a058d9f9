// Model outputs used correctly: logits models, samplers that take the log first, recurrent outputs.
import * as tf from '@tensorflow/tfjs';

export function buildCharModel(vocab: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [10, vocab] }));
  model.add(tf.layers.dense({ units: vocab, activation: 'softmax' }));
  return model;
}

// The Keras sampler done right: log of the probabilities, divided by the temperature, then softmax.
export function sample(model: tf.LayersModel, seed: tf.Tensor3D, temperature: number): tf.Tensor {
  const preds = model.predict(seed) as tf.Tensor2D;
  return tf.softmax(tf.log(preds).div(temperature));
}

export function main(): tf.Tensor {
  return sample(buildCharModel(12), tf.zeros([1, 10, 12]), 0.8);
}

// A model that outputs logits: the softmax is the only activation.
const logitsModel = tf.sequential({
  layers: [
    tf.layers.gru({ units: 16, inputShape: [5, 3] }),
    tf.layers.dense({ units: 4 }),
  ],
});

export function probabilities(x: tf.Tensor3D): tf.Tensor {
  return tf.softmax(logitsModel.predict(x) as tf.Tensor);
}

// A model ending in a linear LSTM: its output `o * c` is not squashed.
const encoder = tf.sequential();
encoder.add(tf.layers.lstm({ units: 8, activation: 'linear', inputShape: [5, 3] }));

export function encode(x: tf.Tensor3D): tf.Tensor {
  return tf.tanh(encoder.predict(x) as tf.Tensor);
}

// A Keras-style decoder with several outputs: one returns logits (softmax once, in the sampler),
// one returns probabilities (logged before the temperature softmax); the states come out of the LSTM.
export function buildSeq2Seq(vocab: number, units: number, activation: 'linear' | 'softmax') {
  const decIn = tf.input({ shape: [1, 3] });
  const hIn = tf.input({ shape: [units] });
  const cIn = tf.input({ shape: [units] });
  const [decOut, hOut, cOut] = tf.layers.lstm({ units, returnState: true }).apply(decIn, { initialState: [hIn, cIn] }) as tf.SymbolicTensor[];
  const head = tf.layers.dense({ units: vocab, activation }).apply(decOut!) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: [decIn, hIn, cIn], outputs: [head, hOut!, cOut!] });
  return { decoder };
}

export function sampleLogits(models: { decoder: tf.LayersModel }, h: tf.Tensor, c: tf.Tensor, temperature: number): tf.Tensor {
  const [logits, h2, c2] = models.decoder.predict([tf.zeros([1, 1, 3]), h, c]) as tf.Tensor[];
  return tf.softmax(tf.div(logits!, temperature)).add(tf.tanh(h2!)).add(tf.sigmoid(c2!));
}

export function sampleProbs(models: { decoder: tf.LayersModel }, h: tf.Tensor, c: tf.Tensor, temperature: number): tf.Tensor {
  const [probs] = models.decoder.predict([tf.zeros([1, 1, 3]), h, c]) as tf.Tensor[];
  return tf.softmax(tf.div(tf.log(probs!), temperature));
}

export const linear = sampleLogits(buildSeq2Seq(10, 8, 'linear'), tf.zeros([1, 8]), tf.zeros([1, 8]), 0.7);
export const probs = sampleProbs(buildSeq2Seq(10, 8, 'softmax'), tf.zeros([1, 8]), tf.zeros([1, 8]), 0.7);
