// expect: none
import * as tf from '@tensorflow/tfjs';

let model: tf.Sequential | null = null;

function createModel(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.gru({ units: 16, stateful: true, batchInputShape: [1, 25, 6] }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return m;
}

export function init(): void {
  model = createModel();
}

export function fraudScores(histories: tf.Tensor3D[]): number[] {
  if (!model) throw new Error('call init() first');
  const scores: number[] = [];
  for (const history of histories) {
    model.resetStates();
    scores.push((model.predict(history) as tf.Tensor).dataSync()[0]);
  }
  return scores;
}
