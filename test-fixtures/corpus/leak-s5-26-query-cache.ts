// expect: state-leak
// Intent classifier for independent search queries; a module-level `lastState` (kept to "warm start" the GRU) seeds each new query with the final state of the previous, unrelated query.
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 24;
const EMBED = 16;

interface Weights {
  emb: tf.Tensor2D;
  cell: tf.layers.RNNCell;
  out: tf.Tensor2D;
}

let weights: Weights | null = null;
let lastState: tf.Tensor2D | null = null;

function ensureWeights(vocabSize: number, numIntents: number): Weights {
  if (!weights) {
    const cell = tf.layers.gruCell({ units: HIDDEN });
    cell.build([null, EMBED]);
    weights = {
      emb: tf.randomNormal([vocabSize, EMBED], 0, 0.1),
      cell,
      out: tf.randomNormal([HIDDEN, numIntents], 0, 0.1),
    };
  }
  return weights;
}

function tokenize(query: string, vocab: Map<string, number>): number[] {
  return query
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter((t) => t.length > 0)
    .map((t) => vocab.get(t) ?? 1);
}

/**
 * Classifies a single search query. Queries come from different users and
 * are unrelated to each other.
 */
export function classifyQuery(
  query: string,
  vocab: Map<string, number>,
  intents: string[],
): { intent: string; confidence: number } {
  const w = ensureWeights(vocab.size + 2, intents.length);
  const ids = tokenize(query, vocab);

  const { probs, final } = tf.tidy(() => {
    let h: tf.Tensor2D = lastState ?? tf.zeros([1, HIDDEN]);
    for (const id of ids) {
      const x = tf.gather(w.emb, [id]) as tf.Tensor2D;
      const [, next] = w.cell.call([x, h], {}) as tf.Tensor2D[];
      h = next;
    }
    return { probs: tf.softmax(tf.matMul(h, w.out)), final: tf.clone(h) };
  });

  if (lastState) lastState.dispose();
  lastState = final;

  const p = probs.dataSync();
  probs.dispose();
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return { intent: intents[best], confidence: p[best] };
}

export function resetClassifier(): void {
  if (weights) tf.dispose([weights.emb, weights.out]);
  if (lastState) lastState.dispose();
  weights = null;
  lastState = null;
}

export function classifyAll(queries: string[]): string[] {
  const vocab = new Map<string, number>();
  for (const q of queries) {
    for (const t of q.toLowerCase().split(/\s+/)) {
      if (t && !vocab.has(t)) vocab.set(t, vocab.size + 2);
    }
  }
  const intents = ['weather', 'music', 'navigation', 'shopping'];
  return queries.map((q) => classifyQuery(q, vocab, intents).intent);
}
