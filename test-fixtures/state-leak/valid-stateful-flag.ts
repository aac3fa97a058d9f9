// A flag-driven builder whose stateful copy is reset per user, and one never asked for a stateful model.
import * as tf from '@tensorflow/tfjs';

function build(stateful: boolean): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.gru(stateful ? { units: 8, stateful: true, batchInputShape: [1, 1, 4] } : { units: 8, inputShape: [6, 4] }));
  m.add(tf.layers.dense({ units: 4, activation: 'softmax' }));
  return m;
}

export function replay(model: tf.LayersModel, users: number[][][][]): number[] {
  const hits: number[] = [];
  for (const clicks of users) {
    model.resetStates();
    let n = 0;
    for (const c of clicks) n += (model.predict(tf.tensor3d([c])) as tf.Tensor).argMax(-1).dataSync()[0]!;
    hits.push(n);
  }
  return hits;
}

export const online = build(true);

function buildWindow(stateful: boolean): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.lstm(stateful ? { units: 8, stateful: true, batchInputShape: [1, 1, 4] } : { units: 8, inputShape: [6, 4] }));
  return m;
}

// Every call asks for the windowed (stateless) model.
export function scoreWindows(windows: tf.Tensor3D[]): number[] {
  const model = buildWindow(false);
  const out: number[] = [];
  for (const w of windows) out.push((model.predict(w) as tf.Tensor).dataSync()[0]!);
  return out;
}
