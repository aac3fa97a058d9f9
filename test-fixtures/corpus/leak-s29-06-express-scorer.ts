// expect: state-leak
// POST /risk endpoint: scores a checkout session's click events with an LSTM before the payment step.
import * as tf from '@tensorflow/tfjs';

interface RiskRequest {
  body: { sessionId: string; events: Array<{ dtMs: number; kind: 'view' | 'cart' | 'pay'; amount?: number }> };
}
interface RiskResponse {
  status(code: number): RiskResponse;
  json(payload: unknown): void;
}
type Handler = (req: RiskRequest, res: RiskResponse) => Promise<void>;

const KIND_INDEX = { view: 0, cart: 1, pay: 2 } as const;
const FEATURES = 5;

function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 20,
    stateful: true,
    batchInputShape: [1, null, FEATURES],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }));
  return model;
}

function encode(events: RiskRequest['body']['events']): tf.Tensor3D {
  const rows = events.map((e) => {
    const onehot = [0, 0, 0];
    onehot[KIND_INDEX[e.kind]] = 1;
    return [Math.log1p(e.dtMs / 1000), ...onehot, Math.log1p(e.amount ?? 0)];
  });
  return tf.tensor3d([rows]);
}

export function createRiskHandler(model: tf.LayersModel = buildModel()): Handler {
  return async (req, res) => {
    const { sessionId, events } = req.body ?? {};
    if (!sessionId || !Array.isArray(events) || events.length === 0) {
      res.status(400).json({ error: 'sessionId and events are required' });
      return;
    }
    const input = encode(events);
    const out = model.predict(input) as tf.Tensor;
    const [risk] = await out.data();
    tf.dispose([input, out]);
    res.status(200).json({ sessionId, risk, action: risk > 0.8 ? 'challenge' : 'allow' });
  };
}

// minimal wiring used by server.ts: app.post('/risk', handler)
export function register(app: { post(path: string, h: Handler): void }): void {
  app.post('/risk', createRiskHandler());
}
