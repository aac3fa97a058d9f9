// expect: tidy-disposed-state
// Worker thread that scores gameplay telemetry per player session with a GRU and posts a "tilt" probability back to the main thread.
import * as tf from '@tensorflow/tfjs';
import { parentPort } from 'node:worker_threads';

const UNITS = 10;
const FEATURES = 4; // apm, deaths, chat msgs, ping

const P = tf.tidy(() => {
  const r = (a, b, s) => tf.keep(tf.randomNormal([a, b], 0, 0.4, 'float32', s));
  return { wz: r(FEATURES, UNITS, 1), uz: r(UNITS, UNITS, 2), wh: r(FEATURES, UNITS, 3), uh: r(UNITS, UNITS, 4), wo: r(UNITS, 1, 5) };
});

const sessions = new Map();

const gruStep = (x, h) => {
  const z = tf.sigmoid(x.matMul(P.wz).add(h.matMul(P.uz)));
  const cand = tf.tanh(x.matMul(P.wh).add(h.matMul(P.uh)));
  return z.mul(h).add(tf.onesLike(z).sub(z).mul(cand));
};

function handle({ type, sessionId, features }) {
  switch (type) {
    case 'tick': {
      const tilt = tf.tidy(() => {
        const h = sessions.get(sessionId) ?? tf.zeros([1, UNITS]);
        const hNext = gruStep(tf.tensor2d([features]), h);
        sessions.set(sessionId, hNext);
        return tf.sigmoid(hNext.matMul(P.wo));
      });
      const value = tilt.dataSync()[0];
      tilt.dispose();
      return { type: 'tilt', sessionId, value: Math.round(value * 1000) / 1000 };
    }
    case 'end': {
      sessions.get(sessionId)?.dispose();
      sessions.delete(sessionId);
      return { type: 'ended', sessionId, open: sessions.size };
    }
    default:
      return { type: 'error', message: `unknown message type ${type}` };
  }
}

if (parentPort) {
  parentPort.on('message', (msg) => {
    try {
      parentPort.postMessage(handle(msg));
    } catch (err) {
      parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
    }
  });
} else {
  // standalone smoke run
  const ticks = [
    { sessionId: 'p1', features: [0.8, 0, 0.1, 0.3] },
    { sessionId: 'p2', features: [0.5, 0.2, 0.0, 0.9] },
    { sessionId: 'p1', features: [0.7, 0.4, 0.5, 0.3] },
    { sessionId: 'p1', features: [0.4, 0.8, 0.9, 0.3] },
  ];
  for (const t of ticks) console.log(handle({ type: 'tick', ...t }));
  console.log(handle({ type: 'end', sessionId: 'p1' }));
}
