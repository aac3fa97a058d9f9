// expect: none
// Scores sensor streams from many IoT devices with a stateful GRU model, feeding each device's readings in consecutive chunks.
import * as tf from '@tensorflow/tfjs';

const CHUNK = 32;
const CHANNELS = 6;

export function buildScorer(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.gru({
    units: 32,
    stateful: true,
    batchInputShape: [1, CHUNK, CHANNELS],
    returnSequences: false,
  }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

export interface DeviceLog {
  deviceId: string;
  readings: number[][]; // [n, CHANNELS]
}

export async function scoreDevices(model: tf.Sequential, logs: DeviceLog[]): Promise<Map<string, number[]>> {
  const scores = new Map<string, number[]>();
  for (const log of logs) {
    // each device is its own sequence
    model.resetStates();
    const perChunk: number[] = [];
    for (let start = 0; start + CHUNK <= log.readings.length; start += CHUNK) {
      const x = tf.tensor3d([log.readings.slice(start, start + CHUNK)], [1, CHUNK, CHANNELS]);
      const y = model.predict(x) as tf.Tensor;
      perChunk.push((await y.data())[0]);
      tf.dispose([x, y]);
    }
    scores.set(log.deviceId, perChunk);
  }
  return scores;
}

export function flagDevices(scores: Map<string, number[]>, threshold = 0.9, minChunks = 2): string[] {
  const flagged: string[] = [];
  for (const [id, s] of scores) {
    const hot = s.filter((p) => p > threshold).length;
    if (hot >= minChunks) flagged.push(id);
  }
  return flagged;
}

export async function run(): Promise<void> {
  const model = buildScorer();
  const logs: DeviceLog[] = ['pump-1', 'pump-2', 'valve-7'].map((deviceId, k) => ({
    deviceId,
    readings: Array.from({ length: 160 }, (_, i) =>
      Array.from({ length: CHANNELS }, (_, c) => Math.sin((i + c * 3) / (8 + k)) + (i > 120 && k === 2 ? 2 : 0))),
  }));
  const scores = await scoreDevices(model, logs);
  console.log('flagged:', flagDevices(scores));
}
