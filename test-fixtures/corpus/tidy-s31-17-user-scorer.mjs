// expect: tidy-disposed-state
// Per-user next-event recommender for a web service: keeps each user's recurrent state between requests.
import * as tf from '@tensorflow/tfjs';

/**
 * @param {{numEvents: number, units?: number, seed?: number, topK?: number}} options
 */
export function createScorer({ numEvents, units = 16, seed = 2, topK = 3 }) {
  const rn = (shape, k) => tf.randomNormal(shape, 0, 0.4, 'float32', seed + k);
  const embedding = rn([numEvents, units], 0);
  const wIn = rn([units, units], 1);
  const wRec = rn([units, units], 2);
  const bias = tf.zeros([units]);
  const wOut = rn([units, numEvents], 3);

  /** @type {Map<string, tf.Tensor2D>} */
  const sessions = new Map();

  /**
   * Handles one request: the user just triggered `eventId`; returns the top-k next events.
   * @param {{userId: string, eventId: number}} req
   */
  async function handle(req) {
    if (!Number.isInteger(req.eventId) || req.eventId < 0 || req.eventId >= numEvents) {
      return { status: 400, error: `unknown event ${req.eventId}` };
    }
    const probs = tf.tidy(() => {
      const prev = sessions.get(req.userId) ?? tf.zeros([1, units]);
      const x = tf.gather(embedding, [req.eventId]);
      const h = tf.tanh(x.matMul(wIn).add(prev.matMul(wRec)).add(bias));
      sessions.set(req.userId, h);
      return tf.softmax(h.matMul(wOut)).squeeze([0]);
    });
    const values = await probs.data();
    probs.dispose();
    const ranked = Array.from(values, (p, id) => ({ id, p }))
      .sort((a, b) => b.p - a.p)
      .slice(0, topK);
    return { status: 200, userId: req.userId, next: ranked };
  }

  /** Called when the user logs out or the session times out. */
  function endSession(userId) {
    const h = sessions.get(userId);
    if (h) {
      h.dispose();
      sessions.delete(userId);
    }
  }

  function dispose() {
    [...sessions.keys()].forEach(endSession);
    tf.dispose([embedding, wIn, wRec, bias, wOut]);
  }

  return { handle, endSession, dispose, activeSessions: () => sessions.size };
}
