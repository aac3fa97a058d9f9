// expect: bptt-cut
// Fine-tuning worker: takes customer-specific training jobs from a queue and adapts a shared RNN forecaster to each.
const tf = require('@tensorflow/tfjs');

const UNITS = 10;

function createForecaster(seed) {
  return {
    wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', seed)),
    wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', seed + 1)),
    b: tf.variable(tf.zeros([UNITS])),
    wOut: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', seed + 2)),
  };
}

function unroll(model, series) {
  let h = tf.zeros([1, UNITS]);
  for (const v of series) {
    h = tf.tanh(tf.tensor2d([[v]]).matMul(model.wx).add(h.matMul(model.wh)).add(model.b));
  }
  return h;
}

function windows(series, size) {
  const out = [];
  for (let i = 0; i + size < series.length; i++) out.push({ input: series.slice(i, i + size), target: series[i + size] });
  return out;
}

async function fineTune(model, job) {
  const optimizer = tf.train.sgd(job.lr || 0.05);
  const samples = windows(job.series, job.window || 8);
  const finals = tf.tidy(() => tf.concat(samples.map((s) => unroll(model, s.input)), 0));
  const targets = tf.tensor2d(samples.map((s) => [s.target]));
  const vars = [model.wx, model.wh, model.b, model.wOut];
  let loss = NaN;
  for (let epoch = 0; epoch < (job.epochs || 20); epoch++) {
    const cost = optimizer.minimize(() => tf.losses.meanSquaredError(targets, finals.matMul(model.wOut)), true, vars);
    loss = (await cost.data())[0];
    cost.dispose();
  }
  tf.dispose([finals, targets]);
  optimizer.dispose();
  return loss;
}

class TrainingQueue {
  constructor(workers) {
    this.jobs = [];
    this.workers = workers;
  }

  add(job) {
    this.jobs.push(job);
  }

  async drain(onResult) {
    const runWorker = async (id) => {
      let job;
      while ((job = this.jobs.shift())) {
        const model = createForecaster(1200);
        const started = Date.now();
        const loss = await fineTune(model, job);
        onResult({ worker: id, customer: job.customer, loss, ms: Date.now() - started, model });
      }
    };
    await Promise.all(Array.from({ length: this.workers }, (_, i) => runWorker(i)));
  }
}

async function main() {
  const queue = new TrainingQueue(2);
  for (const [customer, freq] of [['acme', 0.3], ['initech', 0.7], ['umbrella', 1.1]]) {
    queue.add({ customer, series: Array.from({ length: 40 }, (_, t) => Math.sin(t * freq)), epochs: 30 });
  }
  await queue.drain(({ worker, customer, loss, ms, model }) => {
    console.log(`[w${worker}] ${customer}: mse=${loss.toFixed(5)} (${ms}ms)`);
    tf.dispose(Object.values(model));
  });
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

module.exports = { createForecaster, fineTune, unroll };
