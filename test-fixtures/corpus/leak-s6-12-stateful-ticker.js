// expect: state-leak
// Produces next-day forecasts for each stock ticker with a stateful LSTM model that reads each ticker's price history in fixed-size chunks.
const tf = require('@tensorflow/tfjs');

const CHUNK = 20;
const FEATURES = 4; // open, high, low, close (normalised)

function buildForecaster() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: 48,
    stateful: true,
    batchInputShape: [1, CHUNK, FEATURES],
    returnSequences: false,
  }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

function normalise(rows) {
  const closes = rows.map((r) => r[3]);
  const mean = closes.reduce((a, b) => a + b, 0) / closes.length;
  const std = Math.sqrt(closes.reduce((a, b) => a + (b - mean) ** 2, 0) / closes.length) || 1;
  return { rows: rows.map((r) => r.map((v) => (v - mean) / std)), mean, std };
}

async function forecastAll(model, histories) {
  const forecasts = {};
  for (const [ticker, raw] of Object.entries(histories)) {
    const { rows, mean, std } = normalise(raw);
    let last = null;
    for (let start = 0; start + CHUNK <= rows.length; start += CHUNK) {
      const chunk = tf.tensor3d([rows.slice(start, start + CHUNK)]);
      if (last) last.dispose();
      last = model.predict(chunk);
      chunk.dispose();
    }
    if (last) {
      forecasts[ticker] = (await last.data())[0] * std + mean;
      last.dispose();
    }
  }
  return forecasts;
}

async function main() {
  const model = buildForecaster();
  const histories = {
    ACME: Array.from({ length: 200 }, (_, i) => [100 + i, 101 + i, 99 + i, 100.5 + i]),
    GLOBX: Array.from({ length: 160 }, (_, i) => [50 - i * 0.1, 51, 49, 50 - i * 0.1]),
    INIT: Array.from({ length: 240 }, (_, i) => [10 + Math.sin(i / 5), 11, 9, 10 + Math.cos(i / 5)]),
  };
  const out = await forecastAll(model, histories);
  for (const [ticker, price] of Object.entries(out)) {
    console.log(`${ticker}: ${price.toFixed(2)}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { buildForecaster, forecastAll };
