// expect: none
// A chatbot keeps one LSTM conversation state per user in a Map keyed by session id; each message is folded in inside tf.tidy and the new state is handed back out.
import * as tf from '@tensorflow/tfjs';

interface Conversation {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

const UNITS = 64;
const VOCAB = 5000;
const EMB = 32;

const emb = tf.variable(tf.randomNormal([VOCAB, EMB], 0, 0.05));
const W = tf.variable(tf.randomNormal([EMB, 4 * UNITS], 0, 0.05));
const U = tf.variable(tf.randomNormal([UNITS, 4 * UNITS], 0, 0.05));
const bias = tf.variable(tf.zeros([4 * UNITS]));
const Wout = tf.variable(tf.randomNormal([UNITS, VOCAB], 0, 0.05));
const bout = tf.variable(tf.zeros([VOCAB]));

const sessions = new Map<string, Conversation>();

function lstmStep(tokenId: number, h: tf.Tensor2D, c: tf.Tensor2D): Conversation {
  const x = tf.gather(emb, [tokenId]);
  const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), bias);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  const hNext: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
  return { h: hNext, c: cNext };
}

export function onMessage(sessionId: string, tokenIds: number[]): number[] {
  const prev = sessions.get(sessionId) ?? { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };

  const [logits, h, c] = tf.tidy(() => {
    let s: Conversation = prev;
    for (const id of tokenIds) {
      s = lstmStep(id, s.h, s.c);
    }
    return [tf.add(tf.matMul(s.h, Wout), bout), s.h, s.c];
  });

  tf.dispose([prev.h, prev.c]);
  sessions.set(sessionId, { h: h as tf.Tensor2D, c: c as tf.Tensor2D });

  const top = tf.topk(logits, 5);
  const suggestions = Array.from(top.indices.dataSync() as Int32Array);
  tf.dispose([logits, top.values, top.indices]);
  return suggestions;
}

export function endSession(sessionId: string): void {
  const s = sessions.get(sessionId);
  if (s) {
    tf.dispose([s.h, s.c]);
    sessions.delete(sessionId);
  }
}

export function pruneIdle(lastSeen: Map<string, number>, maxIdleMs: number, now = Date.now()): number {
  let pruned = 0;
  for (const [id, t] of lastSeen) {
    if (now - t > maxIdleMs) {
      endSession(id);
      lastSeen.delete(id);
      pruned++;
    }
  }
  return pruned;
}
