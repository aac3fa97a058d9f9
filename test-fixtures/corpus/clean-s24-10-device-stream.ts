// expect: none
// Nightly job: replays each IoT device's telemetry through a stateful GRU and reports the peak anomaly score per device.
import * as tf from '@tensorflow/tfjs';

const WINDOW = 5;
const CHANNELS = 2;

export interface Reading {
  device: string;
  at: number;
  temp: number;
  vibration: number;
}

export function buildDetector(): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.gru({ units: 8, stateful: true, batchInputShape: [1, WINDOW, CHANNELS] }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  return model;
}

function partition(readings: Iterable<Reading>): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const r of readings) {
    const list = out.get(r.device) ?? [];
    list.push(r);
    out.set(r.device, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

export async function peakScores(model: tf.Sequential, readings: Iterable<Reading>) {
  const report: Array<{ device: string; peak: number; windows: number }> = [];
  for (const [device, rows] of partition(readings)) {
    // every device is an independent stream
    model.resetStates();
    let peak = 0;
    let windows = 0;
    for (let i = 0; i + WINDOW <= rows.length; i += WINDOW) {
      const slice = rows.slice(i, i + WINDOW).map((r) => [r.temp / 100, r.vibration] as const);
      const x = tf.tensor3d([slice.map((p) => [...p])]);
      const y = model.predict(x) as tf.Tensor;
      peak = Math.max(peak, (await y.data())[0] ?? 0);
      windows++;
      tf.dispose([x, y]);
    }
    report.push({ device, peak, windows });
  }
  return report.toSorted((a, b) => b.peak - a.peak);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = buildDetector();
  const sim = (device: string, n: number, wobble: number): Reading[] =>
    Array.from({ length: n }, (_, i) => ({
      device,
      at: Date.UTC(2025, 0, 1) + i * 1000,
      temp: 40 + 5 * Math.sin(i / 4),
      vibration: wobble * Math.abs(Math.sin(i)),
    }));
  const data = [...sim('pump-a', 20, 0.1), ...sim('pump-b', 15, 0.9), ...sim('fan-c', 10, 0.3)];
  const first = await peakScores(model, data);
  const second = await peakScores(model, data.toReversed());
  console.table(first);
  console.log('reproducible:', first.every((r, i) => r.peak === second[i]?.peak));
  model.dispose();
}
