// expect: none
// ensemble of recurrent cells (2 GRU + 1 LSTM) serving next-token probabilities per user session, server-style handler
import * as tf from '@tensorflow/tfjs';

const V = 12;
const H = 10;

function make_gru(seed) {
  const W = tf.randomNormal([V, 3 * H], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([H, 3 * H], 0, 0.4, 'float32', seed + 1);
  const Wo = tf.randomNormal([H, V], 0, 0.6, 'float32', seed + 2);
  return {
    init: () => [tf.zeros([1, H])],
    step: (x, [h]) => {
      const [xz, xr, xn] = tf.split(tf.matMul(x, W), 3, 1);
      const [hz, hr, hn] = tf.split(tf.matMul(h, U), 3, 1);
      const z = tf.sigmoid(tf.add(xz, hz));
      const n = tf.tanh(tf.add(xn, tf.mul(tf.sigmoid(tf.add(xr, hr)), hn)));
      const h_new = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
      return { logits: tf.matMul(h_new, Wo), state: [h_new] };
    },
  };
}

function make_lstm(seed) {
  const W = tf.randomNormal([V, 4 * H], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([H, 4 * H], 0, 0.4, 'float32', seed + 1);
  const Wo = tf.randomNormal([H, V], 0, 0.6, 'float32', seed + 2);
  return {
    init: () => [tf.zeros([1, H]), tf.zeros([1, H])],
    step: (x, [h, c]) => {
      const [i, f, g, o] = tf.split(tf.add(tf.matMul(x, W), tf.matMul(h, U)), 4, 1);
      const c_new = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      const h_new = tf.mul(tf.sigmoid(o), tf.tanh(c_new));
      return { logits: tf.matMul(h_new, Wo), state: [h_new, c_new] };
    },
  };
}

const members = [make_gru(10), make_gru(20), make_lstm(30)];
const sessions = new Map(); // session id -> array of member states

function fresh_states() {
  return members.map((m) => m.init());
}

async function handle(req) {
  if (req.kind === 'start' || !sessions.has(req.session)) {
    if (sessions.has(req.session)) tf.dispose(sessions.get(req.session));
    sessions.set(req.session, fresh_states());
  }
  if (req.kind === 'start') return { session: req.session, started: true };

  const prev = sessions.get(req.session);
  const { probs, states } = tf.tidy(() => {
    const x = tf.oneHot(tf.tensor1d([req.token], 'int32'), V).toFloat();
    const outs = members.map((m, k) => m.step(x, prev[k]));
    // average of member distributions (each member: softmax over its own logits)
    const p = tf.mean(tf.stack(outs.map((o) => tf.softmax(o.logits))), 0);
    return { probs: p, states: outs.map((o) => o.state) };
  });
  tf.dispose(prev);
  sessions.set(req.session, states);
  const p = await probs.data();
  probs.dispose();
  const best = p.indexOf(Math.max(...p));
  return { session: req.session, best, p_best: +p[best].toFixed(4), sum: +p.reduce((a, v) => a + v, 0).toFixed(4) };
}

const requests = [
  { session: 'alice', kind: 'start' },
  { session: 'alice', token: 3 }, { session: 'alice', token: 7 },
  { session: 'bob', token: 3 },
  { session: 'alice', token: 1 },
  { session: 'alice', kind: 'start' }, // alice opens a new document
  { session: 'alice', token: 3 },
];
const replies = [];
for (const r of requests) replies.push(await handle(r));
replies.forEach((r) => console.log(JSON.stringify(r)));

// check: a fresh session's first reply is identical no matter what other sessions did before
const first_alice = replies[1];
const after_restart = replies[6];
const bob = replies[3];
console.log('restart reproduces first step:', first_alice.p_best === after_restart.p_best && bob.p_best === first_alice.p_best);
console.log('open sessions', sessions.size, 'tensors', tf.memory().numTensors);
