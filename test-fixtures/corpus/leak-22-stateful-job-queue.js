// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export function buildForecaster() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, 24, 1] }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

// Each job is a different customer's load curve.
export function forecastJobs(jobs) {
  const forecaster = buildForecaster();
  const results = [];
  while (jobs.length > 0) {
    const job = jobs.pop();
    results.push({ id: job.id, value: forecaster.predict(job.curve).dataSync()[0] });
  }
  return results;
}
