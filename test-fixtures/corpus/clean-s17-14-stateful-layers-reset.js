// expect: none
// Node script: streams several independent audio-feature recordings through a stateful GRU, chunk by chunk.
const tf = require('@tensorflow/tfjs');

const CHUNK = 4;
const FEATURES = 3;

function buildStreamingModel() {
  const input = tf.input({ batchShape: [1, CHUNK, FEATURES] });
  const gru = tf.layers.gru({
    units: 10,
    stateful: true,
    returnSequences: true,
    kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 12 }),
  }).apply(input);
  const frameScores = tf.layers.timeDistributed({
    layer: tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 13 }) }),
  }).apply(gru);
  return tf.model({ inputs: input, outputs: frameScores });
}

function toChunks(frames) {
  const out = [];
  for (let i = 0; i + CHUNK <= frames.length; i += CHUNK) out.push(frames.slice(i, i + CHUNK));
  return out;
}

function streamRecording(model, frames) {
  const scores = [];
  model.resetStates();
  toChunks(frames).forEach((chunk) => {
    const y = tf.tidy(() => model.predict(tf.tensor3d([chunk])));
    scores.push(...y.dataSync());
    y.dispose();
  });
  return scores;
}

function detectEvents(scores, threshold) {
  const events = [];
  let open = -1;
  scores.forEach((s, i) => {
    if (s >= threshold && open < 0) open = i;
    if (s < threshold && open >= 0) {
      events.push([open, i]);
      open = -1;
    }
  });
  if (open >= 0) events.push([open, scores.length]);
  return events;
}

function processAll(recordings, threshold = 0.5) {
  const model = buildStreamingModel();
  const results = {};
  for (const name of Object.keys(recordings)) {
    const scores = streamRecording(model, recordings[name]);
    results[name] = { scores, events: detectEvents(scores, threshold) };
  }
  return results;
}

if (require.main === module) {
  const rec = Array.from({ length: 12 }, (_, i) => [Math.sin(i), Math.cos(i), i / 12]);
  console.log(JSON.stringify(processAll({ a: rec, b: rec }), null, 1).slice(0, 400));
}

module.exports = { buildStreamingModel, streamRecording, processAll, detectEvents };
