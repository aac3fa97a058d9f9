// expect: none
// Air-quality forecaster page: fits an LSTM on 24-hour sliding windows of PM2.5 readings and charts the next 12 hours.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const WINDOW = 24;
const HORIZON = 12;

interface Reading { time: string; pm25: number; temp: number; humidity: number }

function normalizer(rows: Reading[]) {
  const cols: Array<keyof Omit<Reading, 'time'>> = ['pm25', 'temp', 'humidity'];
  const stats = cols.map((k) => {
    const v = rows.map((r) => r[k]);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) || 1;
    return { mean, std };
  });
  return {
    forward: (r: Reading) => cols.map((k, i) => (r[k] - stats[i].mean) / stats[i].std),
    pm25Back: (z: number) => z * stats[0].std + stats[0].mean,
  };
}

function makeDataset(rows: number[][]) {
  const xs: number[][][] = [];
  const ys: number[] = [];
  for (let i = 0; i + WINDOW < rows.length; i++) {
    xs.push(rows.slice(i, i + WINDOW));
    ys.push(rows[i + WINDOW][0]);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys, [ys.length, 1]) };
}

function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [WINDOW, 3], returnSequences: true }));
  model.add(tf.layers.lstm({ units: 16 }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

async function forecast(model: tf.Sequential, recent: number[][]): Promise<number[]> {
  // Roll the window forward, feeding each prediction back as the next pm2.5 value.
  // Weather columns are held at their last observed values.
  const window = recent.slice(-WINDOW).map((r) => r.slice());
  const out: number[] = [];
  for (let k = 0; k < HORIZON; k++) {
    const x = tf.tensor3d([window]);
    const y = model.predict(x) as tf.Tensor;
    const z = (await y.data())[0];
    tf.dispose([x, y]);
    out.push(z);
    const last = window[window.length - 1];
    window.shift();
    window.push([z, last[1], last[2]]);
  }
  return out;
}

export async function runForecastPage(sensorId: string) {
  const status = document.getElementById('status')!;
  const rows: Reading[] = await (await fetch(`/api/sensors/${sensorId}/hourly?days=60`)).json();
  const norm = normalizer(rows);
  const series = rows.map(norm.forward);
  const split = Math.floor(series.length * 0.85);
  const train = makeDataset(series.slice(0, split));
  const val = makeDataset(series.slice(split - WINDOW));

  const model = buildModel();
  await model.fit(train.x, train.y, {
    epochs: 40,
    batchSize: 64,
    validationData: [val.x, val.y],
    callbacks: [
      tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 4 }),
      new tf.CustomCallback({
        onEpochEnd: async (epoch, logs) => {
          status.textContent = `epoch ${epoch + 1}: loss ${logs?.loss.toFixed(4)} / val ${logs?.val_loss.toFixed(4)}`;
          await tf.nextFrame();
        },
      }),
    ],
  });
  tf.dispose([train.x, train.y, val.x, val.y]);

  const preds = (await forecast(model, series)).map(norm.pm25Back);
  const list = document.getElementById('forecast')!;
  list.innerHTML = preds.map((v, i) => `<li>+${i + 1}h: ${v.toFixed(1)} µg/m³</li>`).join('');
  model.dispose();
}
