// expect: tidy-disposed-state
// Per-user autocomplete service: keeps each user's GRU state in a Map and updates it on every keystroke request.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 'abcdefghijklmnopqrstuvwxyz .'.split('');
const H = 24;

function makeGru(seed = 1) {
  const w = (shape, s) => tf.randomNormal(shape, 0, 0.3, 'float32', seed + s);
  return {
    Wz: w([VOCAB.length, H], 1), Uz: w([H, H], 2),
    Wr: w([VOCAB.length, H], 3), Ur: w([H, H], 4),
    Wn: w([VOCAB.length, H], 5), Un: w([H, H], 6),
    Wo: w([H, VOCAB.length], 7),
  };
}

const params = makeGru();
const sessions = new Map();

function gru(x, h) {
  const z = tf.sigmoid(x.matMul(params.Wz).add(h.matMul(params.Uz)));
  const r = tf.sigmoid(x.matMul(params.Wr).add(h.matMul(params.Ur)));
  const n = tf.tanh(x.matMul(params.Wn).add(r.mul(h).matMul(params.Un)));
  return tf.sub(1, z).mul(n).add(z.mul(h));
}

function getState(userId) {
  if (!sessions.has(userId)) sessions.set(userId, tf.zeros([1, H]));
  return sessions.get(userId);
}

// POST /keystroke {userId, key} -> {suggestions}
export async function handleKeystroke({ userId, key }) {
  const prev = getState(userId);
  const probs = tf.tidy(() => {
    const x = tf.oneHot([Math.max(0, VOCAB.indexOf(key))], VOCAB.length).toFloat();
    const h = gru(x, prev);
    sessions.set(userId, h);
    return tf.softmax(h.matMul(params.Wo));
  });
  const values = await probs.data();
  probs.dispose();
  const top = [...values].map((p, i) => [p, VOCAB[i]]).sort((a, b) => b[0] - a[0]).slice(0, 3);
  return { suggestions: top.map(([, ch]) => ch) };
}

// POST /end {userId}
export function handleEnd({ userId }) {
  const h = sessions.get(userId);
  if (h) h.dispose();
  sessions.delete(userId);
  return { ok: true };
}

export async function main() {
  const script = [
    ['alice', 'h'], ['bob', 't'], ['alice', 'e'], ['bob', 'h'], ['alice', 'l'], ['bob', 'e'],
  ];
  for (const [userId, key] of script) {
    try {
      const res = await handleKeystroke({ userId, key });
      console.log(userId, key, '->', res.suggestions.join(','));
    } catch (err) {
      console.log(userId, key, 'error:', err.message);
    }
  }
  handleEnd({ userId: 'alice' });
  handleEnd({ userId: 'bob' });
}

main();
