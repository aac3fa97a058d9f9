// expect: stale-state
// Multi-step sales forecaster: warms an LSTM up on the recent history, then feeds its own predictions back for the horizon.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 40;

/**
 * Single-step model with explicit state in/out, so the same trained LSTM can be
 * driven one timestep at a time during forecasting.
 */
export function buildStepModel(features: number): tf.LayersModel {
  const x = tf.input({ batchShape: [1, 1, features], name: 'x' });
  const hIn = tf.input({ batchShape: [1, UNITS], name: 'h_in' });
  const cIn = tf.input({ batchShape: [1, UNITS], name: 'c_in' });
  const lstm = tf.layers.lstm({ units: UNITS, returnState: true, name: 'lstm' });
  const [seqOut, hOut, cOut] = lstm.apply(x, { initialState: [hIn, cIn] }) as tf.SymbolicTensor[];
  const y = tf.layers.dense({ units: features, name: 'head' }).apply(seqOut) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, hIn, cIn], outputs: [y, hOut, cOut] });
}

export interface Scaler { mean: number[]; std: number[] }

function scale(row: number[], s: Scaler) {
  return row.map((v, i) => (v - s.mean[i]) / s.std[i]);
}
function unscale(row: number[], s: Scaler) {
  return row.map((v, i) => v * s.std[i] + s.mean[i]);
}

function warmUp(model: tf.LayersModel, history: number[][], s: Scaler): [tf.Tensor, tf.Tensor] {
  let h: tf.Tensor = tf.zeros([1, UNITS]);
  let c: tf.Tensor = tf.zeros([1, UNITS]);
  for (const row of history.slice(0, -1)) {
    const x = tf.tensor3d([[scale(row, s)]]);
    const [y, hN, cN] = model.predict([x, h, c]) as tf.Tensor[];
    tf.dispose([x, y, h, c]);
    h = hN;
    c = cN;
  }
  return [h, c];
}

export async function forecast(
  model: tf.LayersModel,
  history: number[][],
  horizon: number,
  s: Scaler,
): Promise<number[][]> {
  const [h, c] = warmUp(model, history, s);
  let current = scale(history[history.length - 1], s);
  const predictions: number[][] = [];

  for (let step = 0; step < horizon; step++) {
    const x = tf.tensor3d([[current]]);
    const [yHat] = model.predict([x, h, c]) as tf.Tensor[];
    current = Array.from(await yHat.data());
    predictions.push(unscale(current, s));
    tf.dispose([x, yHat]);
  }
  tf.dispose([h, c]);
  return predictions;
}

// ---- dashboard wiring -------------------------------------------------------
export async function onForecastRequested(storeId: string, horizonWeeks: number) {
  const [model, scaler, history] = await Promise.all([
    tf.loadLayersModel(`/models/sales-step/model.json`),
    fetch('/models/sales-step/scaler.json').then((r) => r.json() as Promise<Scaler>),
    fetch(`/api/stores/${storeId}/weekly?weeks=104`).then((r) => r.json() as Promise<number[][]>),
  ]);
  const preds = await forecast(model, history, horizonWeeks, scaler);
  const tbody = document.querySelector('#forecast tbody');
  if (!tbody) return;
  tbody.innerHTML = '';
  preds.forEach((row, i) => {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>+${i + 1}w</td>` + row.map((v) => `<td>${v.toFixed(0)}</td>`).join('');
    tbody.appendChild(tr);
  });
  model.dispose();
}
