// expect: none
import * as tf from '@tensorflow/tfjs';

export class AnomalyScorer {
  private readonly model: tf.Sequential;

  constructor(timesteps: number, features: number) {
    this.model = tf.sequential();
    this.model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, timesteps, features] }));
    this.model.add(tf.layers.dense({ units: 1 }));
  }

  scoreAll(windowsPerMachine: tf.Tensor3D[]): number[] {
    const scores: number[] = [];
    for (const w of windowsPerMachine) {
      this.model.resetStates();
      scores.push((this.model.predict(w) as tf.Tensor).dataSync()[0]);
    }
    return scores;
  }
}
