// expect: unused-hidden-state
// Folds each cardholder's recent payments into a pooled memory vector and flags cards whose risk score crosses a threshold.
import * as tf from '@tensorflow/tfjs';

const MEM = 6;
const THRESHOLD = 0.8;

export function createWeights(seed = 51) {
  return {
    wf: tf.randomNormal([3, MEM], 0, 0.6, 'float32', seed),
    bf: tf.zeros([MEM]),
    wz: tf.randomNormal([3, MEM], 0, 0.6, 'float32', seed + 1),
    bz: tf.zeros([MEM]),
    wo: tf.randomNormal([MEM, 1], 0, 0.8, 'float32', seed + 2),
  };
}

const toInput = (p) =>
  tf.tensor2d([[Math.log10(1 + p.amount), p.foreign ? 1 : 0, p.hour >= 0 && p.hour < 6 ? 1 : 0]]);

export function memoryFor(weights, payments) {
  return tf.tidy(() => {
    const c0 = tf.zeros([1, MEM]);
    return payments.map(toInput).reduce((c, x) => {
      const f = tf.sigmoid(tf.matMul(x, weights.wf).add(weights.bf));
      const z = tf.tanh(tf.matMul(x, weights.wz).add(weights.bz));
      return f.mul(z).add(tf.sub(1, f).mul(z));
    }, c0);
  });
}

export function riskScore(weights, payments) {
  if (payments.length === 0) return 0;
  const score = tf.tidy(() => tf.sigmoid(memoryFor(weights, payments).matMul(weights.wo)));
  const v = score.dataSync()[0];
  score.dispose();
  return v;
}

export function groupByCard(payments) {
  const byCard = new Map();
  for (const p of payments) {
    if (!byCard.has(p.card)) byCard.set(p.card, []);
    byCard.get(p.card).push(p);
  }
  for (const list of byCard.values()) list.sort((a, b) => a.ts - b.ts);
  return byCard;
}

export function flagCards(weights, payments) {
  const flagged = [];
  for (const [card, list] of groupByCard(payments)) {
    const score = riskScore(weights, list.slice(-25));
    if (score >= THRESHOLD) flagged.push({ card, score: Number(score.toFixed(3)) });
  }
  return flagged.sort((a, b) => b.score - a.score);
}

function demoPayments() {
  const cards = ['4111-01', '4111-02', '5500-07', '3400-11'];
  const out = [];
  for (let i = 0; i < 120; i++) {
    const card = cards[i % cards.length];
    const risky = card === '5500-07' && i > 80;
    out.push({
      card,
      ts: 1_710_000_000 + i * 600,
      amount: risky ? 900 + 40 * (i % 5) : 20 + (i % 13) * 7,
      foreign: risky || i % 17 === 0,
      hour: risky ? 3 : 9 + (i % 10),
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = createWeights();
  const flagged = flagCards(weights, demoPayments());
  console.log(flagged.length ? flagged : 'no cards over threshold');
}
