// expect: unused-hidden-state
// Async chargeback-risk worker: pulls each account's transaction batch, advances its recurrent context and stores the new score.
import * as tf from '@tensorflow/tfjs';

export interface Txn {
  account: string;
  amount: number;
  mccRisk: number;
  newDevice: boolean;
}

interface AccountRecord {
  hidden: tf.Tensor2D;
  score: number;
  updatedAt: number;
}

const HIDDEN = 8;

export class ChargebackRnn {
  private readonly wx = tf.variable(tf.randomNormal([3, HIDDEN], 0, 0.5, 'float32', 141));
  private readonly wh = tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.3, 'float32', 142));
  private readonly b = tf.variable(tf.zeros([HIDDEN]));
  private readonly wo = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.6, 'float32', 143));

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    return tf.tidy(() => {
      let pre = tf.matMul(hidden, this.wh);
      pre = tf.add(tf.matMul(input, this.wx), this.b);
      const next = tf.tanh(pre) as tf.Tensor2D;
      const risk = tf.sigmoid(tf.matMul(next, this.wo)) as tf.Tensor2D;
      return [risk, next];
    });
  }
}

export class RiskWorker {
  readonly cache: Record<string, AccountRecord> = {};

  constructor(private readonly model: ChargebackRnn) {}

  private encode(t: Txn): number[] {
    return [Math.log10(1 + t.amount), t.mccRisk, t.newDevice ? 1 : 0];
  }

  async process(batch: Txn[]): Promise<Record<string, number>> {
    const touched: Record<string, number> = {};
    for (const txn of batch) {
      const rec = this.cache[txn.account];
      const hidden = rec ? rec.hidden : (tf.zeros([1, HIDDEN]) as tf.Tensor2D);
      const x = tf.tensor2d([this.encode(txn)]);
      const [risk, next] = this.model.forward(x, hidden);
      const score = (await risk.data())[0];
      tf.dispose([x, risk, hidden]);
      this.cache[txn.account] = { hidden: next, score, updatedAt: Date.now() };
      touched[txn.account] = score;
    }
    return touched;
  }
}

function demoBatch(round: number): Txn[] {
  const accounts = ['acc-1001', 'acc-1002', 'acc-2040'];
  return accounts.map((account, i) => ({
    account,
    amount: account === 'acc-2040' ? 400 * (round + 1) : 35 + 5 * i,
    mccRisk: account === 'acc-2040' ? 0.8 : 0.1,
    newDevice: account === 'acc-2040' && round > 2,
  }));
}

async function main(): Promise<void> {
  const worker = new RiskWorker(new ChargebackRnn());
  for (let round = 0; round < 6; round++) {
    const scores = await worker.process(demoBatch(round));
    const line = Object.entries(scores)
      .map(([a, s]) => `${a}=${s.toFixed(3)}`)
      .join('  ');
    console.log(`round ${round}: ${line}`);
  }
}

if (require.main === module) {
  void main();
}
