// expect: state-leak
// Scores a list of independent sensor recordings with a stateful LSTM, feeding each recording in fixed-size windows.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 5;
const FEATURES = 3;

export function buildScorer(units = 16) {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units,
      stateful: true,
      returnSequences: false,
      batchInputShape: [1, WINDOW, FEATURES],
      kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
    })
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }));
  return model;
}

function windows(recording) {
  const out = [];
  for (let i = 0; i + WINDOW <= recording.length; i += WINDOW) {
    out.push(recording.slice(i, i + WINDOW));
  }
  return out;
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
  return windows(recording)
    .reduce((chain, win) => chain.then((scores) => scoreWindow(model, win).then((s) => [...scores, s])), Promise.resolve([]))
    .then((scores) => scores.reduce((a, b) => a + b, 0) / scores.length);
}

export function scoreAll(model, recordings) {
  return recordings.reduce(
    (chain, rec, i) =>
      chain.then((acc) =>
        scoreRecording(model, rec).then((score) => {
          acc.push({ id: i, score });
          return acc;
        })
      ),
    Promise.resolve([])
  );
}

export function syntheticRecording(seed, length = 15) {
  const rows = [];
  for (let t = 0; t < length; t++) {
    rows.push([Math.sin(seed + t * 0.3), Math.cos(seed * 0.5 + t * 0.2), ((seed * 7 + t) % 5) / 5]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = buildScorer();
  const recs = [syntheticRecording(1), syntheticRecording(2), syntheticRecording(1)];
  scoreAll(model, recs).then((res) => {
    res.forEach((r) => console.log(`recording ${r.id}: ${r.score.toFixed(6)}`));
  });
}
