// expect: returns-input-state
// Consumes a transaction event stream and keeps a per-card recurrent fraud score, emitting alerts above a threshold.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'node:events';

const HIDDEN = 20;
const MCC_BUCKETS = 16;

export function makeCell({ Wx, Wh, bh, Wy, by }) {
  return function step(x, h) {
    const hNew = tf.relu(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(bh));
    const y = tf.sigmoid(tf.matMul(hNew, Wy).add(by));
    return [y, h];
  };
}

function featurize(tx) {
  const mcc = new Array(MCC_BUCKETS).fill(0);
  mcc[tx.mcc % MCC_BUCKETS] = 1;
  const hour = new Date(tx.ts).getHours();
  return [
    Math.log1p(tx.amount) / 10,
    tx.cardPresent ? 1 : 0,
    tx.foreign ? 1 : 0,
    Math.sin((2 * Math.PI * hour) / 24),
    Math.cos((2 * Math.PI * hour) / 24),
    ...mcc,
  ];
}

export class FraudMonitor extends EventEmitter {
  constructor(weights, { threshold = 0.9 } = {}) {
    super();
    this.step = makeCell(weights);
    this.threshold = threshold;
    this.cards = new Map();
  }

  attach(source) {
    source.on('data', (tx) => {
      this.score(tx).catch((err) => this.emit('error', err));
    });
    source.on('card-closed', ({ cardId }) => this.forget(cardId));
    return this;
  }

  async score(tx) {
    const prev = this.cards.get(tx.cardId) ?? tf.zeros([1, HIDDEN]);
    const [risk, next] = tf.tidy(() => this.step(tf.tensor2d([featurize(tx)]), prev));
    this.cards.set(tx.cardId, next);
    if (next !== prev) prev.dispose();
    const [p] = await risk.data();
    risk.dispose();
    if (p >= this.threshold) {
      this.emit('alert', { cardId: tx.cardId, txId: tx.id, risk: p });
    }
    return p;
  }

  forget(cardId) {
    const h = this.cards.get(cardId);
    if (h) h.dispose();
    this.cards.delete(cardId);
  }
}

export function wire(bus, weights) {
  const monitor = new FraudMonitor(weights).attach(bus);
  monitor.on('alert', (a) => console.log(`ALERT card=${a.cardId} tx=${a.txId} risk=${a.risk.toFixed(3)}`));
  monitor.on('error', (err) => console.error('fraud monitor error', err));
  return monitor;
}
