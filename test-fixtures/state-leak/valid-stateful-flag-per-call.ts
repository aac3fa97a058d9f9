// Look-alikes of a flag-driven builder: a typed model parameter that every call gives the stateless
// model, a helper given the stateless model in loops, and the stateful twin reset per customer.
import * as tf from '@tensorflow/tfjs';

function lstmStack(batchInputShape: (number | null)[], stateful: boolean): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 8, batchInputShape, stateful }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

function riskOf(model: tf.LayersModel, month: number[]): number {
  return tf.tidy(() => (model.predict(tf.tensor3d([[month]])) as tf.Tensor).dataSync()[0]!);
}

export function report(customers: { months: number[][] }[], trained: tf.LayersModel): number[][] {
  const streaming = lstmStack([1, 1, 3], true);
  const out: number[][] = [];
  for (const customer of customers) {
    streaming.resetStates();
    const risk: number[] = [];
    for (const month of customer.months) risk.push(riskOf(streaming, month) - riskOf(trained, month));
    out.push(risk);
  }
  return out;
}

export function replay(model: tf.LayersModel, users: number[][][]): number[] {
  const totals: number[] = [];
  for (const clicks of users) {
    let n = 0;
    for (const c of clicks) n += (model.predict(tf.tensor3d([[c]])) as tf.Tensor).dataSync()[0]!;
    totals.push(n);
  }
  return totals;
}

export const trained = lstmStack([null, 1, 3], false);
export const replayTrained = (users: number[][][]): number[] => replay(trained, users);
