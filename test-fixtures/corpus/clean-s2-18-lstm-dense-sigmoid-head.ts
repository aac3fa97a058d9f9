// expect: none
import * as tf from '@tensorflow/tfjs';

export function buildClassifier(vocab: number, maxLen: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab, outputDim: 64, inputLength: maxLen, maskZero: true }));
  model.add(tf.layers.lstm({
    units: 64,
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    returnSequences: true,
  }));
  model.add(tf.layers.lstm({ units: 32 }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

export async function train(model: tf.Sequential, xs: tf.Tensor2D, ys: tf.Tensor2D): Promise<void> {
  await model.fit(xs, ys, {
    epochs: 5,
    batchSize: 32,
    shuffle: true,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        console.log(`epoch ${epoch}: acc=${logs?.acc}`);
      },
    },
  });
}
