// expect: none
// A generator scores many independent user sessions for fraud, starting every session from a fresh recurrent vector and yielding one probability per event.
const tf = require('@tensorflow/tfjs');

const FEAT = 12;
const UNITS = 32;

const Wx = tf.variable(tf.randomNormal([FEAT, UNITS], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1));
const bh = tf.variable(tf.zeros([UNITS]));
const risk = tf.layers.dense({ units: 2, activation: 'linear', inputShape: [UNITS] });

function step(x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh));
}

function* scoreSessions(sessions) {
  for (const session of sessions) {
    let h = tf.zeros([1, UNITS]);
    for (const event of session.events) {
      const [p, hNext] = tf.tidy(() => {
        const x = tf.tensor2d([event.features], [1, FEAT]);
        const hn = step(x, h);
        const probs = tf.softmax(risk.apply(hn));
        return [probs.slice([0, 1], [1, 1]), hn];
      });
      h.dispose();
      h = hNext;
      const fraudProb = p.dataSync()[0];
      p.dispose();
      yield { sessionId: session.id, eventId: event.id, fraudProb };
    }
    h.dispose();
  }
}

function flagSessions(sessions, threshold = 0.9) {
  const flagged = new Set();
  for (const r of scoreSessions(sessions)) {
    if (r.fraudProb > threshold) flagged.add(r.sessionId);
  }
  return [...flagged];
}

function demo() {
  const sessions = Array.from({ length: 5 }, (_, s) => ({
    id: `sess-${s}`,
    events: Array.from({ length: 8 }, (_, e) => ({
      id: `${s}-${e}`,
      features: Array.from({ length: FEAT }, (_, k) => Math.sin(s + e * k)),
    })),
  }));
  console.log('flagged:', flagSessions(sessions));
}

if (require.main === module) demo();

module.exports = { scoreSessions, flagSessions };
