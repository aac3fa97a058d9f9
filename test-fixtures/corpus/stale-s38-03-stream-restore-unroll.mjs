// expect: stale-state
// Browser voice-activity tracker: a small GRU over audio feature frames whose state survives page reloads via localStorage.
import * as tf from '@tensorflow/tfjs';

const STORAGE_KEY = 'vad-gru-state-v2';
const HIDDEN = 32;

export function makeGruStep(w) {
  return (x, h) =>
    tf.tidy(() => {
      const z = tf.sigmoid(tf.add(tf.matMul(x, w.wz), tf.matMul(h, w.uz)));
      const r = tf.sigmoid(tf.add(tf.matMul(x, w.wr), tf.matMul(h, w.ur)));
      const cand = tf.tanh(tf.add(tf.matMul(x, w.wh), tf.matMul(tf.mul(r, h), w.uh)));
      return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand));
    });
}

export async function loadWeights(url) {
  const res = await fetch(url);
  const json = await res.json();
  const out = {};
  for (const [name, { shape, values }] of Object.entries(json)) {
    out[name] = tf.tensor(values, shape);
  }
  return out;
}

function restoreState() {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return tf.zeros([1, HIDDEN]);
  const saved = JSON.parse(raw);
  if (saved.shape[1] !== HIDDEN) return tf.zeros([1, HIDDEN]);
  return tf.tensor(saved.h, saved.shape);
}

function persistState(h) {
  const payload = { h: Array.from(h.dataSync()), shape: h.shape, savedAt: Date.now() };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(payload));
}

export async function processChunk(step, frames, readout) {
  const restored = restoreState();
  let latest = restored;
  const activity = [];

  for (let t = 0; t < frames.length; t++) {
    const x = tf.tensor2d([frames[t]]);
    const hNext = step(x, restored);
    const p = tf.tidy(() => tf.sigmoid(tf.matMul(hNext, readout)).squeeze());
    activity.push((await p.data())[0]);
    tf.dispose([x, p]);
    if (latest !== restored) latest.dispose();
    latest = hNext;
  }

  persistState(latest);
  if (latest !== restored) latest.dispose();
  restored.dispose();
  return activity;
}

export async function startTracker(featureSource, onActivity) {
  const w = await loadWeights('/models/vad-gru.json');
  const step = makeGruStep(w);
  for await (const frames of featureSource) {
    const before = tf.memory().numTensors;
    const activity = await processChunk(step, frames, w.readout);
    onActivity(activity);
    if (tf.memory().numTensors > before) {
      console.warn('tensor count grew by', tf.memory().numTensors - before);
    }
  }
}

export function clearTracker() {
  localStorage.removeItem(STORAGE_KEY);
}
