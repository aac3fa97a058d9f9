// expect: state-leak
// tslab notebook: churn-risk score for each customer from their event history, using the GRU weights from training.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: weights (pasted from the training notebook's export) ---
const EVENTS = ['login', 'view', 'cart', 'buy', 'support', 'cancel'];
const E = EVENTS.length;
const H = 8;
const Wz = tf.randomNormal([E + H, H], 0, 0.6, 'float32', 1);
const Wr = tf.randomNormal([E + H, H], 0, 0.6, 'float32', 2);
const Wc = tf.randomNormal([E + H, H], 0, 0.9, 'float32', 3);
const Wout = tf.randomNormal([H, 1], 0, 1.5, 'float32', 4);

// --- cell 2: gru step ---
const gru = (x: tf.Tensor, h: tf.Tensor): tf.Tensor =>
  tf.tidy(() => {
    const xh = tf.concat([x, h], 1);
    const z = tf.sigmoid(tf.matMul(xh, Wz));
    const r = tf.sigmoid(tf.matMul(xh, Wr));
    const cand = tf.tanh(tf.matMul(tf.concat([x, r.mul(h)], 1), Wc));
    return tf.sub(1, z).mul(h).add(z.mul(cand));
  });

// --- cell 3: customers ---
const customers = [
  { id: 'c-001', events: ['login', 'view', 'view', 'buy', 'login', 'view'] },
  { id: 'c-002', events: ['login', 'support', 'support', 'cancel'] },
  { id: 'c-003', events: ['view', 'cart', 'buy'] },
  { id: 'c-004', events: ['login', 'view'] },
  { id: 'c-005', events: ['support', 'login', 'view', 'cart', 'buy', 'buy'] },
];

// --- cell 4: running state ---
let h: tf.Tensor = tf.zeros([1, H]);

// --- cell 5: score every customer ---
const scores: Record<string, { events: number; risk: number }> = {};
customers.forEach((cust) => {
  cust.events.forEach((ev) => {
    const x = tf.oneHot([EVENTS.indexOf(ev)], E).toFloat();
    const next = gru(x, h);
    x.dispose();
    h.dispose();
    h = next;
  });
  const risk = tf.tidy(() => tf.sigmoid(tf.matMul(h, Wout)).dataSync()[0]);
  scores[cust.id] = { events: cust.events.length, risk: +risk.toFixed(3) };
});
console.table(scores);

// --- cell 6: who gets the retention email ---
const flagged = Object.entries(scores)
  .filter(([, s]) => s.risk > 0.5)
  .map(([id]) => id);
console.log('flagged:', flagged.join(', ') || '(none)', '| tensors alive:', tf.memory().numTensors);
