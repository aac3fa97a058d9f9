// expect: state-leak
// Scores each user's clickstream for churn risk with a stateful LSTM, feeding events in fixed-size chunks.
import * as tf from '@tensorflow/tfjs';

export const FEATURES = ['dwell', 'scroll', 'clicks', 'errors'] as const;
const CHUNK = 4;

export type ClickEvent = Record<(typeof FEATURES)[number], number> & { userId: string; ts: number };

export function buildScorer(): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units: 12,
      stateful: true,
      returnSequences: false,
      batchInputShape: [1, CHUNK, FEATURES.length],
    }),
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

const groupBy = <T, K extends PropertyKey>(items: readonly T[], key: (t: T) => K) =>
  items.reduce((acc, item) => {
    (acc[key(item)] ??= []).push(item);
    return acc;
  }, {} as Partial<Record<K, T[]>>);

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i + size <= items.length; i += size) yield items.slice(i, i + size);
}

export async function scoreUsers(model: tf.LayersModel, events: readonly ClickEvent[]): Promise<Map<string, number>> {
  const byUser = groupBy(events.toSorted((a, b) => a.ts - b.ts), (e) => e.userId);
  const scores = new Map<string, number>();

  for (const [userId, userEvents = []] of Object.entries(byUser)) {
    let risk = Number.NaN;
    for (const chunk of chunks(userEvents, CHUNK)) {
      const x = tf.tensor3d([chunk.map((e) => FEATURES.map((f) => e[f]))]);
      const y = model.predict(x) as tf.Tensor;
      risk = (await y.data())[0] ?? Number.NaN;
      tf.dispose([x, y]);
    }
    scores.set(userId, risk);
  }
  return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = buildScorer();
  const fake = (userId: string, n: number, seed: number): ClickEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      userId,
      ts: 1_700_000_000 + i * 60,
      dwell: Math.abs(Math.sin(seed * (i + 1))),
      scroll: (seed * 7 + i) % 5 / 5,
      clicks: (i * seed) % 3,
      errors: i % 4 === 0 ? 1 : 0,
    }));

  const events = [...fake('ana', 8, 3), ...fake('bo', 8, 11), ...fake('cy', 12, 5)];
  const scores = await scoreUsers(model, events);
  const ranked = [...scores].toSorted(([, a], [, b]) => b - a);
  for (const [user, s] of ranked) console.log(user.padEnd(5), s.toFixed(4));
}
