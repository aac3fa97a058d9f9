// expect: stacked-activation
// Intent detection service: micro-batches incoming utterances and runs them through an LSTM classifier.
import * as tf from '@tensorflow/tfjs';

const INTENTS = ['greeting', 'billing', 'cancel', 'support', 'other'];
const VOCAB = 200;
const MAX_TOKENS = 12;

export function buildModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 16, inputLength: MAX_TOKENS, maskZero: true }));
  model.add(tf.layers.lstm({ units: 24 }));
  model.add(tf.layers.dense({ units: INTENTS.length, activation: 'softmax' }));
  return model;
}

function tokenize(text: string): number[] {
  const ids = text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean)
    .map((w) => 1 + ([...w].reduce((acc, ch) => (acc * 31 + ch.charCodeAt(0)) >>> 0, 7) % (VOCAB - 1)));
  const padded = ids.slice(0, MAX_TOKENS);
  while (padded.length < MAX_TOKENS) padded.push(0);
  return padded;
}

function intentScores(model: tf.LayersModel, batch: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const out = model.predict(batch) as tf.Tensor2D;
    return tf.sigmoid(out);
  });
}

interface Pending {
  text: string;
  resolve: (r: { intents: string[]; scores: number[] }) => void;
}

export class IntentBatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly model: tf.LayersModel, private readonly threshold = 0.6, private readonly waitMs = 5) {}

  classify(text: string): Promise<{ intents: string[]; scores: number[] }> {
    return new Promise((resolve) => {
      this.queue.push({ text, resolve });
      if (!this.timer) this.timer = setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    this.timer = null;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    const input = tf.tensor2d(batch.map((p) => tokenize(p.text)), [batch.length, MAX_TOKENS], 'int32');
    const scores = intentScores(this.model, input);
    const rows = scores.arraySync();
    tf.dispose([input, scores]);
    batch.forEach((p, i) => {
      const intents = INTENTS.filter((_, k) => rows[i][k] >= this.threshold);
      p.resolve({ intents: intents.length ? intents : ['other'], scores: rows[i].map((v) => +v.toFixed(3)) });
    });
  }
}

export async function handleUtterance(
  batcher: IntentBatcher,
  req: { body: { text?: string } },
): Promise<{ status: number; body: unknown }> {
  const text = (req.body.text ?? '').trim();
  if (!text) return { status: 400, body: { error: 'text is required' } };
  const result = await batcher.classify(text);
  return { status: 200, body: { text, ...result } };
}

if (require.main === module) {
  const batcher = new IntentBatcher(buildModel());
  const texts = ['hi there', 'I want to cancel my plan', 'why is my invoice so high', ''];
  Promise.all(texts.map((text) => handleUtterance(batcher, { body: { text } }))).then((responses) => {
    for (const r of responses) console.log(r.status, JSON.stringify(r.body));
  });
}
