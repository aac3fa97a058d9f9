// expect: none
// Splits a long microphone feature stream into utterances by frame energy and classifies each with a stateful LSTM.
import * as tf from '@tensorflow/tfjs';

const MEL = 20;
const CHUNK = 8;
const COMMANDS = ['noise', 'call_mom', 'set_timer', 'weather'];

export function buildModel({ units = 24 } = {}) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units,
    stateful: true,
    batchInputShape: [1, CHUNK, MEL],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 5 }),
  }));
  model.add(tf.layers.dense({ units: COMMANDS.length, activation: 'softmax' }));
  return model;
}

// Simple energy VAD: runs of frames whose mean energy is above `thresh`.
export function segment(frames, thresh = 0.2, minLen = CHUNK) {
  const segments = [];
  let start = -1;
  frames.forEach((f, i) => {
    const e = f.reduce((s, v) => s + v * v, 0) / f.length;
    if (e > thresh && start < 0) start = i;
    if ((e <= thresh || i === frames.length - 1) && start >= 0) {
      const end = e <= thresh ? i : i + 1;
      if (end - start >= minLen) segments.push(frames.slice(start, end));
      start = -1;
    }
  });
  return segments;
}

export async function classifyUtterance(model, frames) {
  model.resetStates();
  let last = null;
  for (let i = 0; i + CHUNK <= frames.length; i += CHUNK) {
    const x = tf.tensor3d([frames.slice(i, i + CHUNK)]);
    const probs = model.predict(x);
    x.dispose();
    if (last) last.dispose();
    last = probs;
  }
  const p = await last.data();
  last.dispose();
  const k = p.indexOf(Math.max(...p));
  return { command: COMMANDS[k], confidence: p[k] };
}

export async function processStream(model, frames) {
  const results = [];
  for (const utt of segment(frames)) {
    results.push(await classifyUtterance(model, utt));
  }
  return results;
}

function synthStream() {
  const frames = [];
  const add = (n, amp, freq) => {
    for (let t = 0; t < n; t++) {
      frames.push(Array.from({ length: MEL }, (_, k) => amp * Math.sin(freq * (t + 1) * (k + 1))));
    }
  };
  add(5, 0.05, 0.3);
  add(24, 1.0, 0.11);
  add(6, 0.05, 0.3);
  add(16, 1.0, 0.23);
  add(4, 0.05, 0.3);
  add(24, 1.0, 0.11);
  return frames;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const model = buildModel();
  const results = await processStream(model, synthStream());
  results.forEach((r, i) => console.log(`utterance ${i}: ${r.command} (${r.confidence.toFixed(4)})`));
}
