// expect: none
// Queue worker: pulls machine-run jobs off an in-process job queue and scores each run tick by tick with a stateful LSTM.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'events';

export interface RunJob {
  jobId: string;
  machine: string;
  ticks: Array<[number, number, number]>; // spindle load, temperature, vibration
}

export interface RunResult {
  jobId: string;
  wear: number[];
}

export function buildWearModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units: 12,
      stateful: true,
      batchInputShape: [1, 1, 3],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 700 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 701 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 702 }) }));
  return model;
}

export class JobQueue extends EventEmitter {
  private readonly jobs: RunJob[] = [];
  push(job: RunJob): void {
    this.jobs.push(job);
    this.emit('job');
  }
  take(): RunJob | undefined {
    return this.jobs.shift();
  }
  get size(): number {
    return this.jobs.length;
  }
}

export class WearWorker {
  private running = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly model: tf.LayersModel,
    private readonly onResult: (r: RunResult) => void,
  ) {
    queue.on('job', () => void this.drain());
  }

  private async process(job: RunJob): Promise<RunResult> {
    this.model.resetStates();
    const wear: number[] = [];
    for (const [load, temp, vib] of job.ticks) {
      const x = tf.tensor3d([[[load, (temp - 40) / 20, vib]]]);
      const y = this.model.predict(x) as tf.Tensor;
      wear.push((await y.data())[0]);
      tf.dispose([x, y]);
    }
    return { jobId: job.jobId, wear };
  }

  async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      let job = this.queue.take();
      while (job) {
        this.onResult(await this.process(job));
        job = this.queue.take();
      }
    } finally {
      this.running = false;
    }
  }
}

if (require.main === module) {
  const queue = new JobQueue();
  const results: RunResult[] = [];
  const worker = new WearWorker(queue, buildWearModel(), (r) => results.push(r));
  const run: RunJob = { jobId: 'j1', machine: 'mill-3', ticks: [[0.5, 45, 0.1], [0.7, 50, 0.2], [0.9, 58, 0.4]] };
  queue.push(run);
  queue.push({ ...run, jobId: 'j2', ticks: [[0.2, 41, 0.05], [0.2, 41, 0.05]] });
  queue.push({ ...run, jobId: 'j3' });
  setTimeout(async () => {
    await worker.drain();
    results.forEach((r) => console.log(r.jobId, r.wear.map((w) => w.toFixed(3)).join(' ')));
  }, 50);
}
