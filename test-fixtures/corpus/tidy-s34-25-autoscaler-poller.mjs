// expect: tidy-disposed-state
// Autoscaler sidecar: polls queue metrics every 15s, updates a recurrent load model and adjusts worker replicas.
import * as tf from '@tensorflow/tfjs';
import { setInterval as every } from 'node:timers/promises';

const UNITS = 16;
const METRICS_URL = process.env.METRICS_URL ?? 'http://localhost:9102/queue';
const SCALE_URL = process.env.SCALE_URL ?? 'http://localhost:9102/replicas';

let weights = null;
let hidden = tf.zeros([1, UNITS]);
let replicas = Number(process.env.MIN_REPLICAS ?? 2);

async function loadWeights(path) {
  const { default: json } = await import(path, { with: { type: 'json' } });
  weights = {
    Wx: tf.tensor2d(json.Wx), Wh: tf.tensor2d(json.Wh), b: tf.tensor1d(json.b),
    Wy: tf.tensor2d(json.Wy), by: tf.tensor1d(json.by),
  };
}

async function readMetrics() {
  const res = await fetch(METRICS_URL);
  if (!res.ok) throw new Error(`metrics HTTP ${res.status}`);
  const m = await res.json();
  return [
    Math.log1p(m.depth) / 10,
    Math.log1p(m.enqueuedPerSec) / 8,
    Math.log1p(m.dequeuedPerSec) / 8,
    m.oldestAgeSec / 600,
    replicas / 50,
  ];
}

function updateAndPredict(features) {
  const prev = hidden;
  const load = tf.tidy(() => {
    const x = tf.tensor2d([features]);
    hidden = tf.tanh(x.matMul(weights.Wx).add(prev.matMul(weights.Wh)).add(weights.b));
    return hidden.matMul(weights.Wy).add(weights.by).squeeze();
  });
  prev.dispose();
  const value = load.dataSync()[0];
  load.dispose();
  return value;
}

function desiredReplicas(predictedJobsPerSec, perWorker = 12) {
  const min = Number(process.env.MIN_REPLICAS ?? 2);
  const max = Number(process.env.MAX_REPLICAS ?? 40);
  return Math.min(max, Math.max(min, Math.ceil(predictedJobsPerSec / perWorker)));
}

async function tick() {
  const features = await readMetrics();
  const predicted = Math.expm1(updateAndPredict(features) * 8);
  const target = desiredReplicas(predicted);
  if (target !== replicas) {
    const res = await fetch(SCALE_URL, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replicas: target }),
    });
    if (res.ok) {
      console.log(`[autoscale] ${replicas} -> ${target} (predicted ${predicted.toFixed(1)} jobs/s)`);
      replicas = target;
    }
  }
}

export async function run(weightsPath = './load-rnn.json', periodMs = 15_000) {
  await loadWeights(weightsPath);
  for await (const _ of every(periodMs)) {
    try {
      await tick();
    } catch (err) {
      console.error('[autoscale] tick failed:', err.message);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv[2]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
