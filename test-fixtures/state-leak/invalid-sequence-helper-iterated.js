// A worker rolls a stateful forecaster over each job's readings, one job after another.
const tf = require('@tensorflow/tfjs');

function buildForecaster() {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 8, stateful: true, batchInputShape: [1, 1, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

function rollForecast(model, readings) {
  const preds = [];
  for (const r of readings) preds.push(model.predict(tf.tensor3d([[[r]]])).dataSync()[0]);
  return preds;
}

async function worker(queue, results) {
  const model = buildForecaster();
  for (;;) {
    const job = await queue.take();
    if (job === null) break;
    results.push(rollForecast(model, job.readings));
    //           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ state-leak
  }
}

module.exports = { worker };
