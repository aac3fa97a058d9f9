// expect: state-leak
// Batch labeller for a folder of voice-command clips: streams each clip in 10-frame chunks through a stateful GRU.
const tf = require('@tensorflow/tfjs');

const CHUNK = 10;
const MEL = 40;
const LABELS = ['background', 'lights_on', 'lights_off', 'open_door'];

function buildStreamingModel(units = 32) {
  const model = tf.sequential();
  model.add(
    tf.layers.gru({
      units,
      stateful: true,
      returnSequences: true,
      batchInputShape: [1, CHUNK, MEL],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
    })
  );
  model.add(
    tf.layers.timeDistributed({
      layer: tf.layers.dense({ units: LABELS.length, activation: 'softmax', kernelInitializer: 'glorotUniform' }),
    })
  );
  return model;
}

function* chunks(frames) {
  for (let i = 0; i + CHUNK <= frames.length; i += CHUNK) {
    yield frames.slice(i, i + CHUNK);
  }
}

async function labelClip(model, frames) {
  const perFrame = [];
  for (const block of chunks(frames)) {
    const probs = tf.tidy(() => model.predict(tf.tensor3d([block])).squeeze([0]));
    perFrame.push(...(await probs.array()));
    probs.dispose();
  }
  // clip label = class with the highest mean posterior, ignoring background
  const mean = LABELS.map((_, k) => perFrame.reduce((s, row) => s + row[k], 0) / perFrame.length);
  let best = 1;
  for (let k = 2; k < LABELS.length; k++) if (mean[k] > mean[best]) best = k;
  return { label: LABELS[best], mean, perFrame };
}

async function labelFolder(model, clips) {
  const results = {};
  for (const [name, frames] of Object.entries(clips)) {
    results[name] = await labelClip(model, frames);
  }
  return results;
}

function fakeClip(seed, nFrames) {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  return Array.from({ length: nFrames }, () => Array.from({ length: MEL }, rnd));
}

module.exports = { buildStreamingModel, labelClip, labelFolder, fakeClip, LABELS };

if (require.main === module) {
  const model = buildStreamingModel();
  const clips = { 'a.wav': fakeClip(7, 40), 'b.wav': fakeClip(11, 30), 'c.wav': fakeClip(7, 40) };
  labelFolder(model, clips).then((res) => {
    for (const [name, r] of Object.entries(res)) {
      console.log(name, r.label, r.mean.map((m) => m.toFixed(4)).join(' '));
    }
  });
}
