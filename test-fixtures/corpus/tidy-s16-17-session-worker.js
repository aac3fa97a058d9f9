// expect: tidy-disposed-state
// autocomplete worker: one GRU state per chat session, answers {session, token} messages (node stand-in for the web worker)
const tf = require('@tensorflow/tfjs');

const V = 16;
const E = 8;
const H = 12;

const w = {
  emb: tf.randomNormal([V, E], 0, 1, 'float32', 1),
  W: tf.randomNormal([E, 3 * H], 0, 0.3, 'float32', 2),
  U: tf.randomNormal([H, 3 * H], 0, 0.3, 'float32', 3),
  b: tf.zeros([3 * H]),
  W_out: tf.randomNormal([H, V], 0, 0.3, 'float32', 4),
};

function gru_cell(x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, w.W), w.b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, w.U), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
}

const sessions = new Map();

async function on_message(msg) {
  if (msg.type === 'close') {
    const h = sessions.get(msg.session);
    if (h) h.dispose();
    sessions.delete(msg.session);
    return { session: msg.session, closed: true };
  }
  const probs = tf.tidy(() => {
    const h = sessions.has(msg.session) ? sessions.get(msg.session) : tf.zeros([1, H]);
    const x = tf.gather(w.emb, tf.tensor1d([msg.token], 'int32'));
    const h_new = gru_cell(x, h);
    sessions.set(msg.session, h_new);
    return tf.softmax(tf.matMul(h_new, w.W_out));
  });
  const p = await probs.data();
  probs.dispose();
  const suggestions = Array.from(p.keys()).sort((a, b) => p[b] - p[a]).slice(0, 3);
  return { session: msg.session, suggestions, p_top: p[suggestions[0]] };
}

// simulated traffic from two browser tabs
const inbox = [
  { session: 'tab-a', token: 3 },
  { session: 'tab-b', token: 7 },
  { session: 'tab-a', token: 5 },
  { session: 'tab-b', token: 1 },
  { session: 'tab-a', token: 2 },
  { session: 'tab-a', type: 'close' },
  { session: 'tab-b', token: 9 },
  { session: 'tab-b', type: 'close' },
];

async function pump() {
  for (const msg of inbox) {
    await new Promise((r) => setImmediate(r));
    const reply = await on_message(msg);
    console.log(JSON.stringify(reply));
  }
  console.log('open sessions', sessions.size, 'tensors', tf.memory().numTensors);
}

pump().catch((err) => {
  console.error('worker crashed:', err.message);
  process.exitCode = 1;
});
