// expect: none
// Real-time keyword spotting: one frame per predict call on a stateful model; the stream is one
// sequence, reset once when listening starts.
import * as tf from '@tensorflow/tfjs';

export function buildSpotter(features: number): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: 32, stateful: true, batchInputShape: [1, 1, features] }));
  m.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  return m;
}

export function listen(spotter: tf.Sequential, frames: Float32Array[], features: number): number[] {
  spotter.resetStates();
  const hits: number[] = [];
  frames.forEach((frame, i) => {
    const p = tf.tidy(() => (spotter.predict(tf.tensor3d(frame, [1, 1, features])) as tf.Tensor).dataSync()[1]);
    if (p > 0.9) hits.push(i);
  });
  return hits;
}
