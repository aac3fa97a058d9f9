// expect: none
// A fresh stateful model per job: a new model starts from zero state, which is a reset by construction.
import * as tf from '@tensorflow/tfjs';

export function buildForecaster(weights) {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 16, stateful: true, batchInputShape: [1, 24, 1] }));
  m.add(tf.layers.dense({ units: 1 }));
  if (weights) m.setWeights(weights);
  return m;
}

export function forecastJobs(jobs, weights) {
  const results = [];
  for (const job of jobs) {
    const forecaster = buildForecaster(weights);
    results.push({ id: job.id, value: forecaster.predict(job.curve).dataSync()[0] });
    forecaster.dispose();
  }
  return results;
}
