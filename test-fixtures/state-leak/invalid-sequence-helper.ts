// A stateful model fed one recording chunk by chunk by a helper; the callers loop over recordings.
import * as tf from '@tensorflow/tfjs';

export function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 5, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}

export async function feedRecording(model: tf.Sequential, chunks: tf.Tensor3D[]): Promise<number> {
  let last = 0;
  for (const chunk of chunks) {
    const p = model.predict(chunk) as tf.Tensor;
    last = (await p.data())[0]!;
  }
  return last;
}

export async function evaluate(test: tf.Tensor3D[][]): Promise<number[]> {
  const model = buildModel();
  const scores: number[] = [];
  for (const data of test) {
    scores.push(await feedRecording(model, data));
    //                ~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
  return scores;
}
