// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export class AnomalyScorer {
  private readonly model: tf.Sequential;

  constructor(timesteps: number, features: number) {
    this.model = tf.sequential();
    this.model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, timesteps, features] }));
    this.model.add(tf.layers.dense({ units: 1 }));
  }

  // Each machine's log window is scored independently.
  scoreAll(windowsPerMachine: tf.Tensor3D[]): number[] {
    const scores: number[] = [];
    for (const w of windowsPerMachine) {
      scores.push((this.model.predict(w) as tf.Tensor).dataSync()[0]);
    }
    return scores;
  }
}
