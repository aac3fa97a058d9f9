// expect: returns-input-state
// Smart-reply model for a chat widget: a GRU module object whose per-conversation state is persisted to IndexedDB.
import * as tf from '@tensorflow/tfjs';

const DB = 'smart-reply';
const STORE = 'conversation-state';

export const replyGru = {
  W: null,

  async load(url) {
    const json = await (await fetch(url)).json();
    this.W = Object.fromEntries(Object.entries(json).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
    this.hiddenSize = this.W.uh.shape[0];
  },

  initHidden() {
    return tf.zeros([1, this.hiddenSize]);
  },

  forward(input, hidden) {
    const W = this.W;
    return tf.tidy(() => {
      const z = tf.sigmoid(input.matMul(W.wz).add(hidden.matMul(W.uz)).add(W.bz));
      const r = tf.sigmoid(input.matMul(W.wr).add(hidden.matMul(W.ur)).add(W.br));
      const cand = tf.tanh(input.matMul(W.wh).add(r.mul(hidden).matMul(W.uh)).add(W.bh));
      const next = z.mul(hidden).add(tf.scalar(1).sub(z).mul(cand));
      const output = next.matMul(W.replyProj);
      return { output, hidden };
    });
  },
};

function idb(mode, fn) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function loadHidden(conversationId) {
  const saved = await idb('readonly', (s) => s.get(conversationId));
  return saved ? tf.tensor2d(saved.h, saved.shape) : replyGru.initHidden();
}

async function storeHidden(conversationId, hidden) {
  const record = { h: Array.from(await hidden.data()), shape: hidden.shape, updated: Date.now() };
  await idb('readwrite', (s) => s.put(record, conversationId));
}

export async function onMessage(conversationId, messageVector, candidates) {
  const slot = { hidden: await loadHidden(conversationId) };
  const x = tf.tensor2d([messageVector]);
  const { output, hidden } = replyGru.forward(x, slot.hidden);
  if (hidden !== slot.hidden) {
    slot.hidden.dispose();
    slot.hidden = hidden;
  }
  const scores = tf.tidy(() => tf.matMul(output, tf.tensor2d(candidates).transpose()).squeeze());
  const ranked = Array.from(await scores.data())
    .map((score, i) => ({ i, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  await storeHidden(conversationId, slot.hidden);
  tf.dispose([x, output, scores, slot.hidden]);
  return ranked.map(({ i }) => i);
}

export async function endConversation(conversationId) {
  await idb('readwrite', (s) => s.delete(conversationId));
}
