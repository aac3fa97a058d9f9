// expect: none
// Sequential job runner: replays each machine's vibration log through a stateful GRU and reports the wear estimate.
const tf = require('@tensorflow/tfjs');

function createModel() {
  const model = tf.sequential();
  model.add(
    tf.layers.gru({
      units: 6,
      stateful: true,
      batchInputShape: [1, 1, 2],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 12 }),
    })
  );
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 13 }) }));
  return model;
}

class SerialQueue {
  constructor(handler) {
    this.handler = handler;
    this.tail = Promise.resolve();
    this.processed = 0;
  }

  submit(job) {
    const result = this.tail.then(() => this.handler(job));
    this.tail = result.then(
      () => { this.processed++; },
      () => { this.processed++; }
    );
    return result;
  }
}

function makeHandler(model) {
  return async function handleJob(job) {
    if (!Array.isArray(job.log) || job.log.length === 0) throw new Error(`job ${job.id}: empty log`);
    // every machine log is an independent sequence
    model.resetStates();
    let wear = 0;
    for (const [amplitude, temperature] of job.log) {
      const x = tf.tensor3d([[[amplitude, temperature / 100]]]);
      const y = model.predict(x);
      wear = (await y.data())[0];
      tf.dispose([x, y]);
    }
    return { id: job.id, samples: job.log.length, wear: Number(wear.toFixed(4)) };
  };
}

async function main() {
  const model = createModel();
  const queue = new SerialQueue(makeHandler(model));
  const jobs = [
    { id: 'press-1', log: [[0.1, 40], [0.2, 42], [0.8, 65]] },
    { id: 'lathe-7', log: [[0.5, 55], [0.6, 58]] },
    { id: 'press-1-replay', log: [[0.1, 40], [0.2, 42], [0.8, 65]] },
    { id: 'broken', log: [] },
  ];
  const settled = await Promise.allSettled(jobs.map((j) => queue.submit(j)));
  for (const s of settled) {
    if (s.status === 'fulfilled') console.log(JSON.stringify(s.value));
    else console.log('failed:', s.reason.message);
  }
  console.log(`processed ${queue.processed} jobs`);
  model.dispose();
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

module.exports = { createModel, makeHandler, SerialQueue };
