// The file builds a stateful streaming model and a stateless one for whole sequences: a service
// made elsewhere may be given either, so its model is not taken for the stateful one.
import * as tf from '@tensorflow/tfjs';

export interface ScoreRequest { userId: string; events: number[][] }

export function buildStreaming(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, 1, 4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export function buildWhole(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 8, inputShape: [1, 4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export class ScoringService {
  constructor(private readonly model: tf.LayersModel) {}

  handle(req: ScoreRequest): number[] {
    const risk: number[] = [];
    for (const ev of req.events) {
      const y = this.model.predict(tf.tensor3d([[ev]])) as tf.Tensor;
      risk.push(y.dataSync()[0]!);
    }
    return risk;
  }
}
