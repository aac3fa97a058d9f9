// expect: none
// In-process cache of per-conversation RNN states for a chat intent classifier; each message advances its conversation's state.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const DIM = 8;

const weights = tf.tidy(() => ({
  wx: tf.keep(tf.randomNormal([DIM, UNITS], 0, 0.4, 'float32', 1)),
  wh: tf.keep(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 2)),
  wo: tf.keep(tf.randomNormal([UNITS, 3], 0, 0.4, 'float32', 3)),
}));
const INTENTS = ['question', 'complaint', 'smalltalk'];

const embedText = (text) =>
  tf.tidy(() => {
    const codes = [...text].map((ch) => ch.charCodeAt(0) % DIM);
    return tf.oneHot(codes, DIM).mean(0, true).toFloat();
  });

class StateStore {
  #states = new Map();
  #maxIdleMs;

  constructor({ maxIdleMs = 60_000 } = {}) {
    this.#maxIdleMs = maxIdleMs;
  }

  get(id) {
    return this.#states.get(id)?.h ?? null;
  }

  set(id, h) {
    this.#states.get(id)?.h.dispose();
    this.#states.set(id, { h, touched: Date.now() });
  }

  evictIdle(now = Date.now()) {
    for (const [id, { h, touched }] of this.#states) {
      if (now - touched > this.#maxIdleMs) {
        h.dispose();
        this.#states.delete(id);
      }
    }
  }

  get size() {
    return this.#states.size;
  }

  [Symbol.dispose]() {
    for (const { h } of this.#states.values()) h.dispose();
    this.#states.clear();
  }
}

const store = new StateStore({ maxIdleMs: 50 });

export async function onMessage({ conversationId, text }) {
  const probs = tf.tidy(() => {
    const prev = store.get(conversationId) ?? tf.zeros([1, UNITS]);
    const x = embedText(text);
    const h = tf.tanh(x.matMul(weights.wx).add(prev.matMul(weights.wh)));
    store.set(conversationId, tf.keep(h));
    return tf.softmax(h.matMul(weights.wo));
  });
  const p = await probs.data();
  probs.dispose();
  const best = p.indexOf(Math.max(...p));
  return { conversationId, intent: INTENTS[best], score: +p[best].toFixed(3) };
}

const inbox = [
  { conversationId: 'c1', text: 'hi there' },
  { conversationId: 'c2', text: 'my order never arrived' },
  { conversationId: 'c1', text: 'how do I reset my password?' },
  { conversationId: 'c2', text: 'this is the third time!' },
  { conversationId: 'c1', text: 'thanks' },
];

for (const msg of inbox) console.log(await onMessage(msg));
console.log('cached conversations:', store.size, 'tensors:', tf.memory().numTensors);
await new Promise((r) => setTimeout(r, 60));
store.evictIdle();
console.log('after eviction:', store.size, 'tensors:', tf.memory().numTensors);
store[Symbol.dispose]();
