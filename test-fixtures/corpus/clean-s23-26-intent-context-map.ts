// expect: none
// Messenger bot service: per-user dialogue state held in a Map, intent classification per message, reset on new chats.
import * as tf from '@tensorflow/tfjs';

export const INTENTS = ['greet', 'track_order', 'return_item', 'talk_to_human', 'thanks'];
const UNITS = 24;
const FEAT = 48;
const CHANNELS = ['web', 'ios', 'android'];

const W = {
  x: tf.randomNormal([FEAT, UNITS], 0, 0.3, 'float32', 51),
  h: tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 52),
  ch: tf.randomNormal([CHANNELS.length, UNITS], 0, 0.3, 'float32', 53),
  out: tf.randomNormal([UNITS, INTENTS.length], 0, 0.5, 'float32', 54),
};

interface UserSession {
  state: tf.Tensor2D;
  lastSeen: number;
  turns: number;
}

export interface IncomingMessage {
  userId: string;
  channel: string;
  text: string;
  newConversation?: boolean;
  ts: number;
}

const sessions = new Map<string, UserSession>();
const IDLE_MS = 30 * 60 * 1000;

function featurize(text: string): tf.Tensor2D {
  const v = new Float32Array(FEAT);
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let h = 0;
    for (const ch of word) h = (h * 37 + ch.charCodeAt(0)) % FEAT;
    v[h] += 1;
  }
  return tf.tensor2d(v, [1, FEAT]);
}

function sessionFor(msg: IncomingMessage): UserSession {
  const existing = sessions.get(msg.userId);
  const stale = existing !== undefined && msg.ts - existing.lastSeen > IDLE_MS;
  if (existing && !msg.newConversation && !stale) return existing;
  if (existing) existing.state.dispose();
  const fresh: UserSession = { state: tf.zeros([1, UNITS]), lastSeen: msg.ts, turns: 0 };
  sessions.set(msg.userId, fresh);
  return fresh;
}

export function classify(msg: IncomingMessage): { intent: string; confidence: number; turn: number } {
  const session = sessionFor(msg);
  const channelIdx = Math.max(0, CHANNELS.indexOf(msg.channel));
  const { probs, state } = tf.tidy(() => {
    const x = featurize(msg.text);
    const channelBias = tf.gather(W.ch, [channelIdx]);
    const next = tf.tanh(tf.matMul(x, W.x).add(tf.matMul(session.state, W.h)).add(channelBias)) as tf.Tensor2D;
    return { probs: tf.softmax(tf.matMul(next, W.out)), state: next };
  });
  session.state.dispose();
  session.state = state;
  session.lastSeen = msg.ts;
  session.turns++;
  const p = probs.dataSync();
  probs.dispose();
  const k = p.indexOf(Math.max(...p));
  return { intent: INTENTS[k], confidence: p[k], turn: session.turns };
}

export function evictIdle(now: number): number {
  let n = 0;
  for (const [id, s] of sessions) {
    if (now - s.lastSeen > IDLE_MS) {
      s.state.dispose();
      sessions.delete(id);
      n++;
    }
  }
  return n;
}

if (require.main === module) {
  const t0 = Date.now();
  const msgs: IncomingMessage[] = [
    { userId: 'ann', channel: 'ios', text: 'hello there', ts: t0 },
    { userId: 'ann', channel: 'ios', text: 'where is my order 1234', ts: t0 + 5000 },
    { userId: 'bob', channel: 'web', text: 'hello there', ts: t0 + 6000 },
    { userId: 'ann', channel: 'ios', text: 'hello there', newConversation: true, ts: t0 + 9000 },
  ];
  for (const m of msgs) {
    const r = classify(m);
    console.log(m.userId, `turn ${r.turn}`, r.intent, r.confidence.toFixed(4));
  }
  console.log('evicted', evictIdle(t0 + IDLE_MS * 2), 'tensors', tf.memory().numTensors);
}
