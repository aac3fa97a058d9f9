// expect: returns-input-state, state-leak
// Offline evaluation script: runs our LSTM forecaster over the held-out test series and reports MAE.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];

export interface Lstm {
  W: tf.Tensor2D;
  U: tf.Tensor2D;
  b: tf.Tensor1D;
  V: tf.Tensor2D;
  units: number;
}

export function makeLstm(units: number): Lstm {
  return {
    W: tf.randomNormal([1, 4 * units], 0, 0.4, 'float32', 191) as tf.Tensor2D,
    U: tf.randomNormal([units, 4 * units], 0, 0.4, 'float32', 192) as tf.Tensor2D,
    b: tf.zeros([4 * units]) as tf.Tensor1D,
    V: tf.randomNormal([units, 1], 0, 0.4, 'float32', 193) as tf.Tensor2D,
    units,
  };
}

export function lstmForward(m: Lstm, x: tf.Tensor2D, [h, c]: State): [tf.Tensor2D, State] {
  const z = tf.matMul(x, m.W).add(tf.matMul(h, m.U)).add(m.b);
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cell = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
  const hidden = tf.sigmoid(o).mul(tf.tanh(cell)) as tf.Tensor2D;
  const y = tf.matMul(hidden, m.V) as tf.Tensor2D;
  return [y, [hidden, c]];
}

export function meanAbsError(pred: number[], target: number[]): number {
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += Math.abs(pred[i] - target[i]);
  return pred.length ? s / pred.length : 0;
}

export function evaluateSeries(m: Lstm, testSet: number[][]): number[] {
  const maes: number[] = [];
  let state: State = [tf.zeros([1, m.units]), tf.zeros([1, m.units])];
  testSet.forEach((series) => {
    const preds: number[] = [];
    for (let t = 0; t < series.length - 1; t++) {
      const [y, next] = tf.tidy(() => lstmForward(m, tf.tensor2d([[series[t]]]), state));
      preds.push(y.dataSync()[0]);
      y.dispose();
      if (state[0] !== next[0]) state[0].dispose();
      state = next;
    }
    maes.push(meanAbsError(preds, series.slice(1)));
  });
  tf.dispose(state);
  return maes;
}

export function report(maes: number[]): string {
  const avg = maes.reduce((a, b) => a + b, 0) / Math.max(1, maes.length);
  return maes.map((v, i) => `series ${i}: ${v.toFixed(4)}`).concat([`mean: ${avg.toFixed(4)}`]).join('\n');
}
