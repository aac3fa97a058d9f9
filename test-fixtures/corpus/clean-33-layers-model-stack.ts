// expect: none
// Built-in recurrent layers stacked in a Sequential model; a relu Dense after an LSTM is fine
// because the Dense kernel is between the two nonlinearities.
import * as tf from '@tensorflow/tfjs';

export function buildModel(timesteps: number, features: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, returnSequences: true, inputShape: [timesteps, features] }));
  model.add(tf.layers.gru({ units: 16, activation: 'tanh', recurrentActivation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}

export async function trainAndPredict(xs: tf.Tensor3D, ys: tf.Tensor2D, batches: tf.Tensor3D[]): Promise<number[]> {
  const model = buildModel(xs.shape[1], xs.shape[2]);
  for (let epoch = 0; epoch < 3; epoch++) {
    await model.fit(xs, ys, { epochs: 1, batchSize: 16 });
  }
  const out: number[] = [];
  for (const b of batches) {
    out.push(...(model.predict(b) as tf.Tensor).dataSync());
  }
  return out;
}
