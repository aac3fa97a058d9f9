// expect: tidy-disposed-state
// Keystroke-timing anomaly scorer: each user session streams chunks of key intervals through an LSTM stepper model.
const tf = require('@tensorflow/tfjs');

const UNITS = 16;
const FEATS = 2; // [interval, holdTime]

function buildModel() {
  const chunk = tf.input({ shape: [null, FEATS], name: 'chunk' });
  const h = tf.input({ shape: [UNITS], name: 'h' });
  const c = tf.input({ shape: [UNITS], name: 'c' });
  const [seq, hOut, cOut] = tf.layers
    .lstm({ units: UNITS, returnSequences: true, returnState: true })
    .apply(chunk, { initialState: [h, c] });
  const score = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1, activation: 'sigmoid' }) }).apply(seq);
  return tf.model({ inputs: [chunk, h, c], outputs: [score, hOut, cOut] });
}

function createHandler(model) {
  const sessions = new Map();

  async function handle(req) {
    const { sessionId, intervals } = req;
    if (req.end) {
      const st = sessions.get(sessionId);
      if (st) tf.dispose([st.h, st.c]);
      sessions.delete(sessionId);
      return { sessionId, closed: true };
    }
    const scores = tf.tidy(() => {
      const x = tf.tensor3d([intervals]);
      const prev = sessions.get(sessionId) || { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) };
      const [score, h, c] = model.predict([x, prev.h, prev.c]);
      sessions.set(sessionId, { h, c });
      return score.squeeze();
    });
    const values = Array.from(await scores.data());
    scores.dispose();
    return { sessionId, maxScore: Math.max(...values), openSessions: sessions.size };
  }

  return handle;
}

function fakeChunk(n, jitter) {
  return Array.from({ length: n }, () => [0.12 + Math.random() * jitter, 0.08 + Math.random() * jitter / 2]);
}

async function main() {
  const handle = createHandler(buildModel());
  const requests = [
    { sessionId: 'alice', intervals: fakeChunk(5, 0.02) },
    { sessionId: 'bob', intervals: fakeChunk(4, 0.2) },
    { sessionId: 'alice', intervals: fakeChunk(6, 0.02) },
    { sessionId: 'bob', intervals: fakeChunk(3, 0.2) },
    { sessionId: 'alice', end: true },
  ];
  for (const req of requests) {
    try {
      console.log(JSON.stringify(await handle(req)));
    } catch (err) {
      console.log('request failed:', err.message);
    }
  }
}

module.exports = { buildModel, createHandler };

if (require.main === module) main();
