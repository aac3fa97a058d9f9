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

// A Keras-style decoder with several outputs, built by a function that returns both models: its
// first output already ends in softmax, and the sampler takes it for logits.
export function buildSeq2Seq(vocab: number, units: number) {
  const encIn = tf.input({ shape: [5, 3] });
  const [, encH, encC] = tf.layers.lstm({ units, returnState: true }).apply(encIn) as tf.SymbolicTensor[];
  const encoder = tf.model({ inputs: encIn, outputs: [encH!, encC!] });
  const decIn = tf.input({ shape: [1, 3] });
  const hIn = tf.input({ shape: [units] });
  const cIn = tf.input({ shape: [units] });
  const [decOut, hOut, cOut] = tf.layers.lstm({ units, returnState: true }).apply(decIn, { initialState: [hIn, cIn] }) as tf.SymbolicTensor[];
  const probs = tf.layers.dense({ units: vocab, activation: 'softmax' }).apply(decOut!) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: [decIn, hIn, cIn], outputs: [probs, hOut!, cOut!] });
  return { encoder, decoder };
}

export function sampleReply(models: { encoder: tf.LayersModel; decoder: tf.LayersModel }, x: tf.Tensor3D, temperature: number): tf.Tensor {
  let [h, c] = models.encoder.predict(x) as tf.Tensor[];
  let dist: tf.Tensor = tf.zeros([1, 1]);
  for (let t = 0; t < 4; t++) {
    const [p, h2, c2] = models.decoder.predict([tf.zeros([1, 1, 3]), h!, c!]) as tf.Tensor[];
    dist = tf.softmax(tf.div(p!, temperature));
//         ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
    h = h2;
    c = c2;
  }
  return dist;
}

export const reply = sampleReply(buildSeq2Seq(10, 8), tf.zeros([1, 5, 3]), 0.7);
