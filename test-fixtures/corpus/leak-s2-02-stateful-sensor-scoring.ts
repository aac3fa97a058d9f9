// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export function buildModel(features: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 32,
    stateful: true,
    batchInputShape: [1, 1, features],
  }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

export async function scoreRecordings(
  model: tf.Sequential,
  recordings: number[][][],
): Promise<number[]> {
  const scores: number[] = [];
  for (const recording of recordings) {
    let last = 0;
    for (const frame of recording) {
      const x = tf.tensor3d([[frame]]);
      const y = model.predict(x) as tf.Tensor;
      last = (await y.data())[0];
      x.dispose();
      y.dispose();
    }
    scores.push(last);
  }
  return scores;
}
