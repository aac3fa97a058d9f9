// expect: state-leak
// Request handler for a wearable API: each POST carries one user's heart-rate session, scored step by step by a stateful GRU.
import * as tf from '@tensorflow/tfjs';

export interface SessionRequest {
  userId: string;
  sessionId: string;
  bpm: number[];
  motion: number[];
}

export interface SessionResponse {
  sessionId: string;
  arrhythmiaRisk: number[];
  peak: number;
}

export function buildStreamingModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.gru({
      units: 16,
      stateful: true,
      returnSequences: false,
      batchInputShape: [1, 1, 2],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 6 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }));
  return model;
}

type Handler = (req: SessionRequest) => Promise<SessionResponse>;

export function createHandler(model: tf.LayersModel): Handler {
  let busy: Promise<unknown> = Promise.resolve();

  async function score(req: SessionRequest): Promise<SessionResponse> {
    const risks: number[] = [];
    for (let t = 0; t < req.bpm.length; t++) {
      const x = tf.tensor3d([[[(req.bpm[t] - 70) / 30, req.motion[t] ?? 0]]]);
      const y = model.predict(x) as tf.Tensor;
      const [risk] = await y.data();
      risks.push(risk);
      x.dispose();
      y.dispose();
    }
    return { sessionId: req.sessionId, arrhythmiaRisk: risks, peak: Math.max(...risks) };
  }

  return (req) => {
    const run = busy.then(() => score(req));
    busy = run.catch(() => undefined);
    return run;
  };
}

export async function handleBatch(handler: Handler, requests: SessionRequest[]): Promise<SessionResponse[]> {
  return Promise.all(requests.map((r) => handler(r)));
}

if (require.main === module) {
  const handler = createHandler(buildStreamingModel());
  const calm: SessionRequest = { userId: 'u1', sessionId: 's1', bpm: [62, 64, 63, 65], motion: [0, 0, 0.1, 0] };
  const run: SessionRequest = { userId: 'u2', sessionId: 's2', bpm: [120, 135, 150, 160], motion: [1, 1, 1, 0.9] };
  handleBatch(handler, [calm, run, { ...calm, sessionId: 's3' }]).then((out) => {
    for (const r of out) console.log(r.sessionId, r.arrhythmiaRisk.map((v) => v.toFixed(3)).join(' '));
  });
}
