// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export function classifyRecordings(model: tf.LayersModel, recordings: tf.Tensor3D[]): number[] {
  // `model` was built with tf.layers.gru({stateful: true, ...}) in buildModel below.
  return recordings.map((r) => (model.predictOnBatch(r) as tf.Tensor).argMax(-1).dataSync()[0]);
}

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
    labels.push((model.predictOnBatch(r) as tf.Tensor).argMax(-1).dataSync()[0]);
  }
  return labels;
}
