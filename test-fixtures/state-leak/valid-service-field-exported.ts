// The same exported service shape, correct: each request starts from a fresh state.
import * as tf from '@tensorflow/tfjs';

export interface ScoreRequest { userId: string; events: number[][] }

export function buildScorer(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, 1, 4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export class ScoringService {
  constructor(private readonly model: tf.LayersModel) {}

  handle(req: ScoreRequest): number[] {
    this.model.resetStates();
    const risk: number[] = [];
    for (const ev of req.events) {
      const y = this.model.predict(tf.tensor3d([[ev]])) as tf.Tensor;
      risk.push(y.dataSync()[0]!);
    }
    return risk;
  }
}
