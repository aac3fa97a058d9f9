// expect: none
import * as tf from '@tensorflow/tfjs';

export async function train(xs, ys, epochs) {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [4, 10, 2] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  for (let epoch = 0; epoch < epochs; epoch++) {
    await model.fit(xs, ys, { epochs: 1, batchSize: 4, shuffle: false });
    model.resetStates();
  }
  return model;
}
