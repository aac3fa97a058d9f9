// expect: state-leak
// Nightly churn scoring: replays each customer's event log through a streaming LSTM and stores one risk score per customer.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

export interface CustomerEvent {
  type: 'login' | 'purchase' | 'support' | 'refund' | 'downgrade';
  amount: number;
  hoursSincePrev: number;
}

const EVENT_TYPES: CustomerEvent['type'][] = ['login', 'purchase', 'support', 'refund', 'downgrade'];
const FEATURES = EVENT_TYPES.length + 2;

export function featurize(ev: CustomerEvent): number[] {
  const oneHot = EVENT_TYPES.map((t) => (t === ev.type ? 1 : 0));
  return [...oneHot, Math.log1p(Math.max(ev.amount, 0)), Math.min(ev.hoursSincePrev / 720, 1)];
}

/** One event per call; the LSTM keeps its state between calls so we can stream events. */
export function buildStreamingModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 32,
    stateful: true,
    batchInputShape: [1, 1, FEATURES],
    returnSequences: false,
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export async function loadScorer(url: string): Promise<tf.Sequential> {
  const trained = await tf.loadLayersModel(url);
  const model = buildStreamingModel();
  model.setWeights(trained.getWeights());
  return model;
}

interface ScoreRow {
  customerId: string;
  score: number;
  events: number;
}

export async function scoreCustomers(
  model: tf.Sequential,
  logs: Map<string, CustomerEvent[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<ScoreRow[]> {
  const rows: ScoreRow[] = [];
  let done = 0;
  for (const [customerId, events] of logs) {
    let score = 0;
    for (const ev of events) {
      const x = tf.tensor3d([[featurize(ev)]], [1, 1, FEATURES]);
      const y = model.predict(x) as tf.Tensor;
      score = (await y.data())[0];
      tf.dispose([x, y]);
    }
    rows.push({ customerId, score, events: events.length });
    done++;
    if (onProgress && done % 100 === 0) onProgress(done, logs.size);
  }
  return rows;
}

export function topAtRisk(rows: ScoreRow[], k = 50): ScoreRow[] {
  return rows
    .filter((r) => r.events >= 3)
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

// Entry point used by the admin dashboard's "Run scoring" button.
export async function runNightlyJob(apiBase: string) {
  const model = await loadScorer(`${apiBase}/models/churn/model.json`);
  const res = await fetch(`${apiBase}/events?since=90d`);
  const raw = (await res.json()) as Array<{ customerId: string } & CustomerEvent>;
  const logs = new Map<string, CustomerEvent[]>();
  for (const { customerId, ...ev } of raw) {
    if (!logs.has(customerId)) logs.set(customerId, []);
    logs.get(customerId)!.push(ev);
  }
  const rows = await scoreCustomers(model, logs, (d, t) => {
    const bar = document.querySelector<HTMLProgressElement>('#progress');
    if (bar) bar.value = d / t;
  });
  await fetch(`${apiBase}/churn-scores`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(topAtRisk(rows)),
  });
}
