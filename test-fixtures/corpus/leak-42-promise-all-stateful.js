// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export function build() {
  const m = tf.sequential();
  m.add(tf.layers.lstm({ units: 8, stateful: true, batchInputShape: [1, 12, 3] }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

// Independent patients scored "in parallel"; the stateful LSTM still runs them one after another
// and carries the state between them.
export async function scoreAll(model, patients) {
  return Promise.all(patients.map(async (p) => (await model.predict(p.series).data())[0]));
}

export async function main(patients) {
  return scoreAll(build(), patients);
}
