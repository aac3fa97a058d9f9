// expect: tidy-disposed-state
// A chatbot keeps one LSTM conversation state per user in a Map keyed by session id and updates it as each new message arrives.
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

function initialState(): Conversation {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
}

function lstmStep(tokenId: number, h: tf.Tensor2D, c: tf.Tensor2D): Conversation {
  const x = tf.gather(emb, [tokenId]);
  const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), bias);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
  const hNext: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(cNext));
  return { h: hNext, c: cNext };
}

export function onMessage(sessionId: string, tokenIds: number[]): number[] {
  const prev = sessions.get(sessionId) ?? initialState();

  const logits = tf.tidy(() => {
    let { h, c } = prev;
    for (const id of tokenIds) {
      ({ h, c } = lstmStep(id, h, c));
    }
    sessions.set(sessionId, { h, c });
    return tf.add(tf.matMul(h, Wout), bout);
  });

  const top = tf.topk(logits, 5);
  const suggestions = Array.from(top.indices.dataSync());
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

export function activeSessions(): string[] {
  return [...sessions.keys()];
}
