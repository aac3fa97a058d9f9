// POST /score: scores one checkout session's events with a stateful LSTM.
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
    const input = tf.tensor3d([req.body.events]);
    const out = model.predict(input) as tf.Tensor;
    //          ~~~~~~~~~~~~~~~~~~~~ state-leak
    const [risk] = await out.data();
    tf.dispose([input, out]);
    res.json({ risk });
  };
}
