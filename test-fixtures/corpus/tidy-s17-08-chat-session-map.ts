// expect: tidy-disposed-state
// Express-style handler that keeps a per-user recurrent "mood" state for a chat bot across messages.
import * as tf from '@tensorflow/tfjs';

type Req = { body: { userId: string; features: number[] } };
type Res = { json: (payload: unknown) => void; status: (code: number) => Res };

const FEATURES = 4;
const UNITS = 6;

const W = tf.randomNormal([FEATURES, UNITS], 0, 0.4, 'float32', 1);
const U = tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 2);
const V = tf.randomNormal([UNITS, 3], 0, 0.4, 'float32', 3);

export const sessions = new Map<string, tf.Tensor2D>();

function stateFor(userId: string): tf.Tensor2D {
  let s = sessions.get(userId);
  if (!s) {
    s = tf.zeros([1, UNITS]);
    sessions.set(userId, s);
  }
  return s;
}

function update(userId: string, features: number[]): tf.Tensor1D {
  return tf.tidy(() => {
    const x = tf.tensor2d([features], [1, FEATURES]);
    const prev = stateFor(userId);
    const next = tf.tanh(tf.matMul(x, W).add(tf.matMul(prev, U))) as tf.Tensor2D;
    sessions.set(userId, next);
    prev.dispose();
    return tf.softmax(tf.matMul(next, V)).squeeze([0]) as tf.Tensor1D;
  });
}

export async function handleMessage(req: Req, res: Res): Promise<void> {
  const { userId, features } = req.body;
  if (!userId || !Array.isArray(features) || features.length !== FEATURES) {
    res.status(400).json({ error: 'bad request' });
    return;
  }
  try {
    const probs = update(userId, features);
    const [calm, neutral, upset] = Array.from(await probs.data());
    probs.dispose();
    res.json({ calm, neutral, upset });
  } catch (e) {
    res.status(500).json({ error: String(e) });
  }
}

export function endSession(userId: string): void {
  const s = sessions.get(userId);
  if (s && !s.isDisposed) s.dispose();
  sessions.delete(userId);
}

export function stats() {
  return { users: sessions.size, tensors: tf.memory().numTensors };
}
