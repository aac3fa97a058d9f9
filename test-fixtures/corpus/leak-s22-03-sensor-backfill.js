// expect: state-leak
// Backfills one-step-ahead residuals for every sensor's stored history using a stateful LSTM forecaster.
const tf = require('@tensorflow/tfjs');

function buildForecaster(units) {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units,
      stateful: true,
      batchInputShape: [1, 1, 1],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 6 }),
    })
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }));
  return model;
}

function loadHistory() {
  const history = {};
  const sensors = ['pump-1', 'pump-2', 'fan-7'];
  sensors.forEach((id, k) => {
    const series = [];
    for (let t = 0; t < 48; t++) {
      series.push(Math.sin((t + k * 11) / (4 + k)) + 0.05 * ((t * 7919) % 13) / 13);
    }
    history[id] = series;
  });
  return history;
}

function backfillResiduals(model, history) {
  const residuals = {};
  for (const [sensorId, series] of Object.entries(history)) {
    const rows = [];
    for (let t = 0; t < series.length - 1; t++) {
      const pred = tf.tidy(() => {
        const x = tf.tensor3d([[[series[t]]]]);
        return model.predict(x).dataSync()[0];
      });
      rows.push(series[t + 1] - pred);
    }
    residuals[sensorId] = rows;
  }
  return residuals;
}

function summarize(residuals) {
  const report = [];
  for (const [sensorId, rows] of Object.entries(residuals)) {
    const mae = rows.reduce((a, r) => a + Math.abs(r), 0) / rows.length;
    const worst = rows.reduce((a, r) => Math.max(a, Math.abs(r)), 0);
    report.push({ sensorId, mae: +mae.toFixed(4), worst: +worst.toFixed(4), flagged: worst > 3 * mae });
  }
  return report;
}

async function main() {
  const model = buildForecaster(16);
  const history = loadHistory();
  const residuals = backfillResiduals(model, history);
  console.table(summarize(residuals));
}

module.exports = { buildForecaster, backfillResiduals, loadHistory, summarize };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
