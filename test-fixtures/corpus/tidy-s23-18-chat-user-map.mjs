// expect: tidy-disposed-state
// Websocket chat backend: classifies each incoming message's intent, carrying a per-user dialogue context vector.
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
const VOCAB = 300;
const INTENTS = ['smalltalk', 'book_table', 'change_booking', 'opening_hours', 'complaint'];

const weights = {
  emb: tf.randomNormal([VOCAB, 16], 0, 0.4, 'float32', 1),
  wx: tf.randomNormal([16, UNITS], 0, 0.3, 'float32', 2),
  wh: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 3),
  b: tf.zeros([UNITS]),
  head: tf.randomNormal([UNITS, INTENTS.length], 0, 0.5, 'float32', 4),
};

/** userId -> context tensor [1, UNITS] */
const contexts = new Map();

function hashToken(tok) {
  let h = 0;
  for (const ch of tok) h = (h * 31 + ch.charCodeAt(0)) % (VOCAB - 1);
  return h + 1;
}

function encodeTurn(tokenIds, h0) {
  return tokenIds.reduce((h, id) => {
    const x = tf.gather(weights.emb, [id]);
    return tf.tanh(tf.matMul(x, weights.wx).add(tf.matMul(h, weights.wh)).add(weights.b));
  }, h0);
}

export async function handleMessage(userId, text) {
  const ids = text.toLowerCase().split(/\W+/).filter(Boolean).map(hashToken);
  const probs = tf.tidy(() => {
    const prev = contexts.get(userId) ?? tf.zeros([1, UNITS]);
    const h = encodeTurn(ids, prev);
    contexts.set(userId, h);
    return tf.softmax(tf.matMul(h, weights.head));
  });
  const p = await probs.data();
  probs.dispose();
  const k = p.indexOf(Math.max(...p));
  return { userId, intent: INTENTS[k], confidence: Number(p[k].toFixed(3)) };
}

export function endSession(userId) {
  const ctx = contexts.get(userId);
  if (ctx) ctx.dispose();
  contexts.delete(userId);
}

// minimal transport-agnostic router used by the ws server
export function createRouter(send) {
  return async (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'bye') {
      endSession(msg.userId);
      return send({ type: 'closed', userId: msg.userId });
    }
    try {
      send({ type: 'intent', ...(await handleMessage(msg.userId, msg.text)) });
    } catch (err) {
      send({ type: 'error', userId: msg.userId, message: String(err.message || err) });
    }
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const route = createRouter((m) => console.log(JSON.stringify(m)));
  await route(JSON.stringify({ userId: 'u1', text: 'hi, can I book a table for four' }));
  await route(JSON.stringify({ userId: 'u2', text: 'when do you open on sunday' }));
  await route(JSON.stringify({ userId: 'u1', text: 'actually make it friday' }));
  await route(JSON.stringify({ userId: 'u1', type: 'bye' }));
}
