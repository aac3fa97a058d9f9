// expect: state-leak
// Forecast worker: pulls per-device meter jobs off an in-memory queue and rolls a stateful RNN over each series.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'node:events';

function buildForecaster() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({
    units: 8,
    stateful: true,
    batchInputShape: [1, 1, 1],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 5 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 6 }),
  }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotNormal({ seed: 7 }) }));
  return model;
}

class JobQueue extends EventEmitter {
  constructor() {
    super();
    this.jobs = [];
    this.closed = false;
  }
  enqueue(job) {
    this.jobs.push(job);
    this.emit('job');
  }
  close() {
    this.closed = true;
    this.emit('job');
  }
  async take() {
    while (this.jobs.length === 0) {
      if (this.closed) return null;
      await new Promise((resolve) => this.once('job', resolve));
    }
    return this.jobs.shift();
  }
}

async function rollForecast(model, readings) {
  const preds = [];
  for (const r of readings) {
    const input = tf.tensor3d([[[r]]]);
    const out = model.predict(input);
    preds.push((await out.data())[0]);
    tf.dispose([input, out]);
  }
  return preds;
}

async function worker(queue, model, results) {
  for (;;) {
    const job = await queue.take();
    if (job === null) break;
    const started = Date.now();
    const preds = await rollForecast(model, job.readings);
    results.push({ device: job.device, next: +preds[preds.length - 1].toFixed(4), ms: Date.now() - started });
  }
}

export async function runBatch(jobs) {
  const model = buildForecaster();
  const queue = new JobQueue();
  const results = [];
  const done = worker(queue, model, results);
  for (const job of jobs) queue.enqueue(job);
  queue.close();
  await done;
  model.dispose();
  return results;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const jobs = [
    { device: 'meter-17', readings: [0.2, 0.4, 0.6, 0.8] },
    { device: 'meter-42', readings: [1.0, 0.9, 0.7, 0.4] },
    { device: 'meter-17', readings: [0.2, 0.4, 0.6, 0.8] },
  ];
  const results = await runBatch(jobs);
  for (const r of results) console.log(`${r.device}: next=${r.next} (${r.ms}ms)`);
}
