// expect: returns-input-state
// Autocomplete service that keeps an LSTM (h, c) per chat session in a bounded cache and evicts the oldest sessions.
import * as tf from '@tensorflow/tfjs';

const MAX_SESSIONS = 256;
const HIDDEN = 64;

function lstmCell(params, x, [h, c]) {
  return tf.tidy(() => {
    const gates = x.matMul(params.W).add(h.matMul(params.U)).add(params.b);
    const [i, f, o, g] = tf.split(gates, 4, -1);
    const cNext = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
    const hNext = o.sigmoid().mul(cNext.tanh());
    return [hNext, c];
  });
}

class SessionStates {
  constructor(limit) {
    this.limit = limit;
    this.entries = new Map();
  }

  get(id) {
    const entry = this.entries.get(id);
    if (!entry) return null;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  put(id, state) {
    this.entries.delete(id);
    this.entries.set(id, state);
    while (this.entries.size > this.limit) {
      const [oldestId, oldest] = this.entries.entries().next().value;
      this.entries.delete(oldestId);
      tf.dispose(oldest);
    }
  }

  drop(id) {
    const entry = this.entries.get(id);
    if (entry) tf.dispose(entry);
    this.entries.delete(id);
  }
}

export function createAutocomplete(params, embedding) {
  const sessions = new SessionStates(MAX_SESSIONS);

  function feed(sessionId, tokenIds) {
    let state = sessions.get(sessionId) ?? [tf.zeros([1, HIDDEN]), tf.zeros([1, HIDDEN])];
    for (const id of tokenIds) {
      const x = tf.tidy(() => embedding.gather([id]));
      const next = lstmCell(params, x, state);
      for (const t of state) if (!next.includes(t)) t.dispose();
      x.dispose();
      state = next;
    }
    sessions.put(sessionId, state);
    return state;
  }

  function suggest(sessionId, tokenIds, k = 5) {
    const [h] = feed(sessionId, tokenIds);
    return tf.tidy(() => {
      const logits = h.matMul(params.vocabProj).squeeze();
      const { indices } = tf.topk(logits, k);
      return Array.from(indices.dataSync());
    });
  }

  return {
    suggest,
    endSession: (sessionId) => sessions.drop(sessionId),
    stats: () => ({ sessions: sessions.entries.size, tensors: tf.memory().numTensors }),
  };
}
