// expect: state-leak
// Measures intent-classification accuracy of a word-level GRU over a labelled set of user utterances.
import * as tf from '@tensorflow/tfjs';

export interface IntentModel {
  vocab: Map<string, number>;
  embeddings: tf.Tensor2D; // [V, E]
  Wz: tf.Tensor2D; Wr: tf.Tensor2D; Wn: tf.Tensor2D; // [E + H, H]
  classifier: tf.Tensor2D; // [H, intents]
  intents: string[];
  units: number;
}

export interface LabelledUtterance {
  text: string;
  intent: string;
}

function wordIds(m: IntentModel, text: string): number[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => m.vocab.get(w) ?? 0);
}

function gruUpdate(m: IntentModel, wordId: number, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const e = tf.gather(m.embeddings, [wordId]) as tf.Tensor2D;
    const eh = tf.concat([e, h], 1);
    const z = tf.sigmoid(eh.matMul(m.Wz));
    const r = tf.sigmoid(eh.matMul(m.Wr));
    const n = tf.tanh(tf.concat([e, r.mul(h)], 1).matMul(m.Wn));
    return z.mul<tf.Tensor2D>(h).add<tf.Tensor2D>(tf.sub(1, z).mul(n));
  });
}

function predictIntent(m: IntentModel, h: tf.Tensor2D): string {
  const idx = tf.tidy(() => h.matMul(m.classifier).argMax(1).dataSync()[0]);
  return m.intents[idx];
}

export function evaluateIntents(m: IntentModel, testSet: LabelledUtterance[]): { accuracy: number; confusion: Record<string, Record<string, number>> } {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let h = tf.zeros([1, m.units]) as tf.Tensor2D;

  for (const example of testSet) {
    for (const id of wordIds(m, example.text)) {
      const next = gruUpdate(m, id, h);
      h.dispose();
      h = next;
    }
    const guess = predictIntent(m, h);
    confusion[example.intent] ??= {};
    confusion[example.intent][guess] = (confusion[example.intent][guess] ?? 0) + 1;
    if (guess === example.intent) correct += 1;
  }

  h.dispose();
  return { accuracy: testSet.length ? correct / testSet.length : 0, confusion };
}

export function printReport(result: ReturnType<typeof evaluateIntents>): void {
  console.log(`accuracy: ${(100 * result.accuracy).toFixed(1)}%`);
  for (const [gold, row] of Object.entries(result.confusion)) {
    const cells = Object.entries(row).map(([g, n]) => `${g}:${n}`).join('  ');
    console.log(`${gold.padEnd(16)} ${cells}`);
  }
}
