// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export async function classifyStream(model: tf.Sequential, recordings: tf.data.Dataset<tf.Tensor3D>): Promise<number[]> {
  // model: built with tf.layers.gru({ stateful: true, batchInputShape: [1, 16, 13] }).
  const labels: number[] = [];
  const it = await recordings.iterator();
  for (let r = await it.next(); !r.done; r = await it.next()) {
    labels.push((model.predict(r.value) as tf.Tensor).argMax(-1).dataSync()[0]);
  }
  return labels;
}

export function build(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: 12, stateful: true, batchInputShape: [1, 16, 13] }));
  m.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return m;
}
