// POST /score: scores one checkout session's events with a stateful LSTM, from a fresh state each
// request; a streaming endpoint feeds one event per call to the same session's model on purpose.
import * as tf from '@tensorflow/tfjs';

interface ScoreRequest { body: { events: number[][] } }
interface ScoreResponse { json(payload: unknown): void }

function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, null, 4] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export function createScoreHandler(model: tf.LayersModel = buildModel()) {
  return async (req: ScoreRequest, res: ScoreResponse): Promise<void> => {
    model.resetStates();
    const input = tf.tensor3d([req.body.events]);
    const out = model.predict(input) as tf.Tensor;
    const [risk] = await out.data();
    tf.dispose([input, out]);
    res.json({ risk });
  };
}
