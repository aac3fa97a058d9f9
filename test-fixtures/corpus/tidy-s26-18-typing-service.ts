// expect: tidy-disposed-state
// Prototype of the keystroke-prediction service lifted out of the notebook: per-user RNN state kept between requests.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: request/reply shapes ---
interface KeyEvent {
  user: string;
  key: number;
  dtMs: number;
}
interface Reply {
  user: string;
  guess: number;
  confidence: number;
}

// --- cell 2: weights (would be loaded from the trained checkpoint) ---
const KEYS = 30;
const H = 16;
const Wx = tf.randomNormal([KEYS + 1, H], 0, 0.4, 'float32', 1);
const Wh = tf.randomNormal([H, H], 0, 0.3, 'float32', 2);
const Wo = tf.randomNormal([H, KEYS], 0, 0.8, 'float32', 3);

// --- cell 3: session store ---
const sessions = new Map<string, tf.Tensor2D>();

function stateFor(user: string): tf.Tensor2D {
  let s = sessions.get(user);
  if (!s) {
    s = tf.zeros([1, H]) as tf.Tensor2D;
    sessions.set(user, s);
  }
  return s;
}

// --- cell 4: handler ---
async function handle(ev: KeyEvent): Promise<Reply> {
  const probs = tf.tidy(() => {
    const key = tf.oneHot([ev.key], KEYS).toFloat();
    const timing = tf.tensor2d([[Math.min(ev.dtMs / 1000, 1)]]);
    const x = tf.concat([key, timing], 1);
    const h = stateFor(ev.user);
    const hNext = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
    sessions.set(ev.user, hNext);
    return tf.softmax(tf.matMul(hNext, Wo));
  });
  const p = await probs.data();
  probs.dispose();
  let guess = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[guess]) guess = k;
  return { user: ev.user, guess, confidence: +p[guess].toFixed(3) };
}

function endSession(user: string): void {
  sessions.get(user)?.dispose();
  sessions.delete(user);
}

// --- cell 5: replay a captured request log ---
const requests: KeyEvent[] = [
  { user: 'ana', key: 3, dtMs: 120 },
  { user: 'bo', key: 7, dtMs: 300 },
  { user: 'ana', key: 4, dtMs: 90 },
  { user: 'ana', key: 11, dtMs: 140 },
  { user: 'bo', key: 7, dtMs: 250 },
];

async function replay(): Promise<void> {
  const replies: Reply[] = [];
  for (const req of requests) replies.push(await handle(req));
  console.table(replies);
  ['ana', 'bo'].forEach(endSession);
  console.log('tensors alive:', tf.memory().numTensors);
}

replay().catch((err) => {
  console.error('replay failed:', err);
  process.exitCode = 1;
});
