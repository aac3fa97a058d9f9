// expect: state-leak, stacked-activation
// Card-statement scorer: a pub/sub ledger publishes one statement per card, and a GRU classifier labels it normal/review/block.
import * as tf from '@tensorflow/tfjs';

export interface Txn {
  amount: number;
  foreign: boolean;
  night: boolean;
  merchantRisk: number;
}

export interface Statement {
  cardId: string;
  txns: Txn[];
}

const LABELS = ['normal', 'review', 'block'] as const;
type Label = (typeof LABELS)[number];

class Ledger {
  private topics: Record<string, Array<(s: Statement) => void>> = {};
  subscribe(topic: string, fn: (s: Statement) => void): void {
    (this.topics[topic] ??= []).push(fn);
  }
  publish(topic: string, s: Statement): void {
    (this.topics[topic] ?? []).forEach((fn) => fn(s));
  }
}

export class StatementScorer {
  private readonly units = 12;
  private readonly Wx = tf.randomNormal([4, 3 * this.units], 0, 0.4, 'float32', 110) as tf.Tensor2D;
  private readonly Wh = tf.randomNormal([this.units, 3 * this.units], 0, 0.3, 'float32', 111) as tf.Tensor2D;
  private readonly Wo = tf.randomNormal([this.units, LABELS.length], 0, 0.5, 'float32', 112) as tf.Tensor2D;
  private h: tf.Tensor2D = tf.zeros([1, this.units]);
  readonly verdicts = new Map<string, { label: Label; probs: number[] }>();

  private encode(t: Txn): tf.Tensor2D {
    return tf.tensor2d([[Math.log1p(t.amount) / 8, t.foreign ? 1 : 0, t.night ? 1 : 0, t.merchantRisk]]);
  }

  private gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xn] = tf.split(tf.matMul(x, this.Wx), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, this.Wh), 3, 1);
    const z = tf.sigmoid(tf.add(xz, hz));
    const r = tf.sigmoid(tf.add(xr, hr));
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n)) as tf.Tensor2D;
  }

  private head(h: tf.Tensor2D): tf.Tensor2D {
    return tf.sigmoid(tf.matMul(h, this.Wo));
  }

  score(statement: Statement): Label {
    for (const txn of statement.txns) {
      const next = tf.tidy(() => this.gru(this.encode(txn), this.h));
      this.h.dispose();
      this.h = next;
    }
    const probs = tf.tidy(() => Array.from(tf.softmax(this.head(this.h)).dataSync()));
    const best = probs.indexOf(Math.max(...probs));
    const label = LABELS[best];
    this.verdicts.set(statement.cardId, { label, probs });
    return label;
  }

  attach(ledger: Ledger, onVerdict: (cardId: string, label: Label) => void): void {
    ledger.subscribe('statement', (s) => onVerdict(s.cardId, this.score(s)));
  }
}

export function runNightlyBatch(statements: Statement[]): Map<string, Label> {
  const ledger = new Ledger();
  const scorer = new StatementScorer();
  const results = new Map<string, Label>();
  scorer.attach(ledger, (cardId, label) => results.set(cardId, label));
  statements.forEach((s) => ledger.publish('statement', s));
  return results;
}

if (require.main === module) {
  const quiet: Txn = { amount: 12, foreign: false, night: false, merchantRisk: 0.1 };
  const odd: Txn = { amount: 900, foreign: true, night: true, merchantRisk: 0.9 };
  const out = runNightlyBatch([
    { cardId: 'A', txns: [quiet, quiet, quiet] },
    { cardId: 'B', txns: [odd, odd, quiet, odd] },
    { cardId: 'C', txns: [quiet, quiet, quiet] },
  ]);
  out.forEach((label, card) => console.log(card, label));
}
