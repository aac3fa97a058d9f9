// expect: none
// Scores independent sensor recordings with a stateful LSTM fed in windows; state is cleared before each new recording.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 5;
const FEATURES = 3;

export function buildScorer(units = 16) {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units,
      stateful: true,
      batchInputShape: [1, WINDOW, FEATURES],
      kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
    })
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }));
  return model;
}

function* windows(recording) {
  for (let i = 0; i + WINDOW <= recording.length; i += WINDOW) {
    yield recording.slice(i, i + WINDOW);
  }
}

function scoreWindow(model, win) {
  const x = tf.tensor3d([win], [1, WINDOW, FEATURES]);
  const y = model.predict(x);
  return y.data().then((vals) => {
    tf.dispose([x, y]);
    return vals[0];
  });
}

export function scoreRecording(model, recording) {
  model.resetStates();
  return [...windows(recording)]
    .reduce((chain, win) => chain.then((scores) => scoreWindow(model, win).then((s) => scores.concat(s))), Promise.resolve([]))
    .then((scores) => scores.reduce((a, b) => a + b, 0) / scores.length);
}

export function scoreAll(model, recordings) {
  return recordings.reduce(
    (chain, rec, i) => chain.then((acc) => scoreRecording(model, rec).then((score) => [...acc, { id: i, score }])),
    Promise.resolve([])
  );
}

export function syntheticRecording(seed, length = 15) {
  return Array.from({ length }, (_, t) => [
    Math.sin(seed + t * 0.3),
    Math.cos(seed * 0.5 + t * 0.2),
    ((seed * 7 + t) % 5) / 5,
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = buildScorer();
  scoreAll(model, [syntheticRecording(1), syntheticRecording(2), syntheticRecording(1)]).then((res) =>
    res.forEach((r) => console.log(`recording ${r.id}: ${r.score.toFixed(6)}`))
  );
}
