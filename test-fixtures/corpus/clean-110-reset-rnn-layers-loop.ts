// expect: none
import * as tf from '@tensorflow/tfjs';

function resetRecurrent(model: tf.Sequential): void {
  for (const layer of model.layers) {
    if (layer instanceof tf.layers.RNN) layer.resetStates();
  }
}

export function scoreTracks(tracks: tf.Tensor3D[]): number[] {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, stateful: true, returnSequences: true, batchInputShape: [1, 32, 6] }));
  model.add(tf.layers.lstm({ units: 16, stateful: true }));
  model.add(tf.layers.dense({ units: 1 }));
  return tracks.map((t) => {
    resetRecurrent(model);
    return (model.predict(t) as tf.Tensor).dataSync()[0];
  });
}
