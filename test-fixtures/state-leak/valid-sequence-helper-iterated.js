// Stateful forecasters rolled over readings: reset per job, or fed one stream in chunks.
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
    model.resetStates();
    results.push(rollForecast(model, job.readings));
  }
}

// One meter's stream arrives in chunks: the state must flow from chunk to chunk.
function follow(stream) {
  const model = buildForecaster();
  const out = [];
  for (const chunk of stream.chunks) out.push(rollForecast(model, chunk));
  return out;
}

// The same readings polled again and again: one series, continued on purpose.
function poll(model, readings, times) {
  const out = [];
  for (let i = 0; i < times; i++) out.push(rollForecast(model, readings));
  return out;
}

module.exports = { worker, follow, poll, buildForecaster };
