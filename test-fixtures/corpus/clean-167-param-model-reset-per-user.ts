// expect: none
import * as tf from '@tensorflow/tfjs';

export function scoreUsers(model: tf.LayersModel, histories: Map<string, tf.Tensor3D>): Map<string, number> {
  const out = new Map<string, number>();
  histories.forEach((history, user) => {
    model.resetStates();
    out.set(user, (model.predict(history) as tf.Tensor).dataSync()[0]);
  });
  return out;
}

export function build(): tf.LayersModel {
  const input = tf.input({ batchShape: [1, 30, 4] });
  const h = tf.layers.lstm({ units: 8, stateful: true }).apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor });
}
