// expect: state-leak
// Walks a stateful GRU model day by day through each store's sales log to produce next-day demand forecasts per store.
import * as tf from '@tensorflow/tfjs';

export function buildModel(features = 3) {
  const model = tf.sequential();
  model.add(
    tf.layers.gru({
      units: 12,
      stateful: true,
      batchInputShape: [1, 1, features],
      returnSequences: false,
      kernelInitializer: tf.initializers.glorotNormal({ seed: 81 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 82 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotNormal({ seed: 83 }) }));
  return model;
}

function dayVector(day, scale) {
  return tf.tensor3d([[[day.units / scale, day.promo ? 1 : 0, day.weekday / 6]]]);
}

export async function forecastStores(model, stores) {
  const out = {};
  for (const store of stores) {
    const scale = Math.max(1, ...store.days.map((d) => d.units));
    const preds = [];
    for (const day of store.days) {
      const x = dayVector(day, scale);
      const y = model.predict(x);
      preds.push((await y.data())[0] * scale);
      tf.dispose([x, y]);
    }
    out[store.id] = preds;
  }
  return out;
}

export function makeStore(id, base, n = 28) {
  const days = [];
  for (let d = 0; d < n; d++) {
    const weekday = d % 7;
    const promo = (d + id.length) % 9 === 0;
    const units = Math.round(base * (weekday >= 5 ? 1.3 : 1) * (promo ? 1.6 : 1));
    days.push({ units, promo, weekday });
  }
  return { id, days };
}

async function main() {
  const model = buildModel();
  const stores = [makeStore('north-12', 140), makeStore('south-04', 60), makeStore('east-33', 220)];
  const fc = await forecastStores(model, stores);
  for (const [id, preds] of Object.entries(fc)) {
    const tomorrow = preds[preds.length - 1];
    console.log(`${id}: tomorrow ${tomorrow.toFixed(1)} units (first-day fit ${preds[0].toFixed(1)})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main();
}
