// expect: none
// Replays recorded sensor sessions through a stateful GRU one reading at a time, emitting an anomaly score per session.
import * as tf from '@tensorflow/tfjs';

const FEATURES = 3;

export function buildStreamModel() {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: 10,
    stateful: true,
    batchInputShape: [1, 1, FEATURES],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 21 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 22 }),
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid',
    kernelInitializer: tf.initializers.glorotUniform({ seed: 23 }) }));
  return model;
}

function readingToTensor(r) {
  return tf.tensor3d([[[r.temp / 100, r.vibration, r.load]]]);
}

export async function scoreSessions(model, sessions) {
  const results = new Map();
  for (const session of sessions) {
    model.resetStates();
    let peak = 0;
    for (const reading of session.readings) {
      const x = readingToTensor(reading);
      const y = model.predict(x);
      const [score] = await y.data();
      peak = Math.max(peak, score);
      tf.dispose([x, y]);
    }
    results.set(session.id, peak);
  }
  return results;
}

export function fakeSessions(n, len) {
  return Array.from({ length: n }, (_, s) => ({
    id: `machine-${s}`,
    readings: Array.from({ length: len }, (_, t) => ({
      temp: 40 + 5 * Math.sin(t + s),
      vibration: 0.1 * ((t * (s + 1)) % 7),
      load: s % 2 === 0 ? 0.3 : 0.9,
    })),
  }));
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const model = buildStreamModel();
  const scores = await scoreSessions(model, fakeSessions(3, 8));
  for (const [id, score] of scores) console.log(id, score.toFixed(4));
}
