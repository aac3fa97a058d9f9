// expect: none
// Nightly job: streams each store's daily sales through a stateful LSTM one day at a time and saves tomorrow's forecast.
import * as tf from '@tensorflow/tfjs';

export function buildModel(features = 3) {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units: 10,
      stateful: true,
      batchInputShape: [1, 1, features],
      kernelInitializer: tf.initializers.glorotNormal({ seed: 181 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 182 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, activation: 'softplus', kernelInitializer: tf.initializers.glorotNormal({ seed: 183 }) }));
  return model;
}

const dayTensor = (day, scale) =>
  tf.tensor3d([[[day.units / scale, day.holiday ? 1 : 0, day.weekday / 6]]]);

export async function nightlyForecast(model, stores, sink) {
  const saved = {};
  for (const store of stores) {
    model.resetStates();
    const scale = Math.max(1, ...store.days.map((d) => d.units));
    let tomorrow = 0;
    for (const day of store.days) {
      const pred = tf.tidy(() => model.predict(dayTensor(day, scale)));
      tomorrow = (await pred.data())[0] * scale;
      pred.dispose();
    }
    saved[store.id] = tomorrow;
    await sink.put(`forecast:${store.id}`, tomorrow);
  }
  return saved;
}

export function makeStore(id, base, n = 35) {
  return {
    id,
    days: Array.from({ length: n }, (_, d) => ({
      units: Math.round(base * (d % 7 >= 5 ? 1.25 : 1) + 3 * Math.sin(d)),
      holiday: d === 17,
      weekday: d % 7,
    })),
  };
}

export function memorySink() {
  const kv = new Map();
  return {
    kv,
    async put(key, value) {
      kv.set(key, Number(value.toFixed(2)));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = buildModel();
  const sink = memorySink();
  const stores = [makeStore('0012', 180), makeStore('0044', 75), makeStore('0102', 320)];
  await nightlyForecast(model, stores, sink);
  for (const [k, v] of sink.kv) console.log(k, v);
}
