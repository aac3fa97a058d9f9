// A module that exports a stateful GRU builder and the service class the server makes with it
// (no `new ScoringService` here): the typed `model` field is the only kind of model the file builds.
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
    const risk: number[] = [];
    for (const ev of req.events) {
      const y = this.model.predict(tf.tensor3d([[ev]])) as tf.Tensor;
      //        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
      risk.push(y.dataSync()[0]!);
    }
    return risk;
  }
}
