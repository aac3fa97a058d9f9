// A session's live feed: each message carries one event, and the session's stateful model carries
// the state from event to event on purpose.
import * as tf from '@tensorflow/tfjs';

function buildStepModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, 1, 4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export function createFeedHandler(model: tf.LayersModel = buildStepModel()) {
  return (session: { id: string }, event: number[]): number => {
    const out = model.predict(tf.tensor3d([[event]])) as tf.Tensor;
    const [p] = out.dataSync();
    console.log(session.id, p);
    return p!;
  };
}
