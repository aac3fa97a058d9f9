// expect: state-leak
// Scores each event of a user's click session with a stateful GRU, one event at a time, for a small HTTP-style handler.
import * as tf from '@tensorflow/tfjs';

const FEATURES = 6;
const UNITS = 12;

interface ClickEvent {
  page: number;     // 0..4
  dwellSeconds: number;
}

interface ScoreRequest {
  userId: string;
  events: ClickEvent[];
}

interface ScoreResponse {
  userId: string;
  churnRisk: number[];
}

export function buildScorer(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: UNITS,
    stateful: true,
    batchInputShape: [1, 1, FEATURES],
    recurrentInitializer: 'glorotUniform',
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function encode(ev: ClickEvent): tf.Tensor3D {
  const row = new Array<number>(FEATURES).fill(0);
  row[Math.min(ev.page, 4)] = 1;
  row[5] = Math.log1p(ev.dwellSeconds) / 5;
  return tf.tensor3d([[row]]);
}

export class ScoringService {
  private served = 0;

  constructor(private readonly model: tf.Sequential) {}

  async handle(req: ScoreRequest): Promise<ScoreResponse> {
    const churnRisk: number[] = [];
    for (const ev of req.events) {
      const x = encode(ev);
      const y = this.model.predict(x) as tf.Tensor;
      churnRisk.push((await y.data())[0]);
      tf.dispose([x, y]);
    }
    this.served++;
    return { userId: req.userId, churnRisk };
  }

  get requestsServed(): number {
    return this.served;
  }
}

async function main(): Promise<void> {
  const service = new ScoringService(buildScorer());
  const queue: ScoreRequest[] = [
    { userId: 'u-101', events: [{ page: 0, dwellSeconds: 4 }, { page: 2, dwellSeconds: 30 }] },
    { userId: 'u-202', events: [{ page: 1, dwellSeconds: 2 }, { page: 4, dwellSeconds: 1 }, { page: 4, dwellSeconds: 1 }] },
    { userId: 'u-101', events: [{ page: 0, dwellSeconds: 4 }, { page: 2, dwellSeconds: 30 }] },
  ];
  for (const req of queue) {
    const res = await service.handle(req);
    console.log(res.userId, res.churnRisk.map((r) => r.toFixed(4)).join(', '));
  }
  console.log('served', service.requestsServed, 'tensors', tf.memory().numTensors);
}

main();
