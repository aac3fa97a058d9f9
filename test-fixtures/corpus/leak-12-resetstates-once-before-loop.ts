// expect: state-leak
// resetStates() runs once, before the loop, not once per melody.
import * as tf from '@tensorflow/tfjs';

export function buildScorer(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 32, stateful: true, batchInputShape: [1, 64, 12] }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return m;
}

export function scoreMelodies(scorer: tf.Sequential, melodies: tf.Tensor3D[]): number[] {
  scorer.resetStates();
  return melodies.map((melody) => (scorer.predict(melody) as tf.Tensor).dataSync()[0]);
}
