// expect: state-leak
// Batch job: streams recorded user sessions through a tf.data pipeline and computes a per-session anomaly score.
import * as tf from '@tensorflow/tfjs';

export interface SessionRecord {
  id: string;
  events: number[][];
}

export interface ScoreParams {
  wx: tf.Tensor2D;
  wh: tf.Tensor2D;
  wo: tf.Tensor2D;
}

export function makeParams(features: number, units: number): ScoreParams {
  return {
    wx: tf.randomNormal([features, units], 0, 0.5, 'float32', 41) as tf.Tensor2D,
    wh: tf.randomNormal([units, units], 0, 0.5, 'float32', 42) as tf.Tensor2D,
    wo: tf.randomNormal([units, 1], 0, 0.5, 'float32', 43) as tf.Tensor2D,
  };
}

type Row = { id: string; events: number[][] };

export function sessionDataset(records: SessionRecord[]) {
  return tf.data
    .array<Row>(records.map((r) => ({ id: r.id, events: r.events })))
    .filter((r) => r.events.length > 0)
    .map((r) => ({ id: r.id, xs: tf.tensor2d(r.events) }));
}

export class SessionScorer {
  private h: tf.Tensor2D;

  constructor(private readonly p: ScoreParams) {
    this.h = tf.zeros([1, p.wh.shape[0]]);
  }

  private advance(x: tf.Tensor2D): void {
    const next = tf.tidy(() =>
      tf.tanh(tf.matMul(x, this.p.wx).add(tf.matMul(this.h, this.p.wh))),
    ) as tf.Tensor2D;
    this.h.dispose();
    this.h = next;
  }

  scoreSession(xs: tf.Tensor2D): number {
    const rows = tf.unstack(xs) as tf.Tensor1D[];
    for (const row of rows) {
      const x = row.expandDims(0) as tf.Tensor2D;
      this.advance(x);
      tf.dispose([row, x]);
    }
    return tf.tidy(() => tf.sigmoid(tf.matMul(this.h, this.p.wo)).dataSync()[0]);
  }

  dispose(): void {
    this.h.dispose();
  }
}

export async function scoreAll(records: SessionRecord[], p: ScoreParams): Promise<Map<string, number>> {
  const scorer = new SessionScorer(p);
  const scores = new Map<string, number>();
  const ds = sessionDataset(records);
  await ds.forEachAsync(({ id, xs }) => {
    scores.set(id, scorer.scoreSession(xs));
    xs.dispose();
  });
  scorer.dispose();
  return scores;
}

export async function demo(): Promise<void> {
  const p = makeParams(3, 5);
  const records: SessionRecord[] = [
    { id: 'a', events: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] },
    { id: 'b', events: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] },
  ];
  console.log(await scoreAll(records, p));
}
