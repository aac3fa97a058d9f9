// expect: none
import * as tf from '@tensorflow/tfjs';

export function buildModel(): tf.LayersModel {
  const input = tf.input({ batchShape: [1, 50, 13] });
  const rnn = tf.layers.gru({ units: 24, stateful: true }).apply(input) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(rnn) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

export function run(recordings: tf.Tensor3D[]): number[] {
  const model = buildModel();
  const labels: number[] = [];
  for (const r of recordings) {
    model.resetStates();
    labels.push((model.predictOnBatch(r) as tf.Tensor).argMax(-1).dataSync()[0]);
  }
  return labels;
}
