// expect: tidy-disposed-state
// WebSocket-style handler: each chat session streams typing features and gets back a live "user is frustrated" score.
const tf = require('@tensorflow/tfjs');

const UNITS = 6;

function createScorer(seed) {
  const wx = tf.randomNormal([4, UNITS], 0, 0.5, 'float32', seed);
  const wh = tf.randomNormal([UNITS, UNITS], 0, 0.5, 'float32', seed + 1);
  const wo = tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 2);
  const sessions = new Map();

  function stateFor(sessionId) {
    if (!sessions.has(sessionId)) sessions.set(sessionId, tf.zeros([1, UNITS]));
    return sessions.get(sessionId);
  }

  function onMessage(sessionId, features) {
    const score = tf.tidy(() => {
      const prev = stateFor(sessionId);
      const x = tf.tensor2d([[features.keysPerSec, features.backspaces, features.capsRatio, features.pauseSec]]);
      const h = tf.tanh(x.matMul(wx).add(prev.matMul(wh)));
      sessions.set(sessionId, h);
      return tf.sigmoid(h.matMul(wo));
    });
    const value = score.dataSync()[0];
    score.dispose();
    return { sessionId, frustration: Number(value.toFixed(3)) };
  }

  function onClose(sessionId) {
    const h = sessions.get(sessionId);
    if (h) h.dispose();
    sessions.delete(sessionId);
  }

  return { onMessage, onClose, activeSessions: () => sessions.size };
}

module.exports = { createScorer };

if (require.main === module) {
  const scorer = createScorer(3);
  const events = [
    ['alice', { keysPerSec: 4, backspaces: 0, capsRatio: 0, pauseSec: 1 }],
    ['bob', { keysPerSec: 9, backspaces: 5, capsRatio: 0.6, pauseSec: 0.2 }],
    ['alice', { keysPerSec: 3, backspaces: 1, capsRatio: 0, pauseSec: 2 }],
  ];
  for (const [id, f] of events) console.log(scorer.onMessage(id, f));
  scorer.onClose('alice');
  scorer.onClose('bob');
}
