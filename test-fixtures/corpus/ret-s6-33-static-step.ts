// expect: returns-input-state
// A peephole LSTM written as a class with a static step method forecasts hourly demand per warehouse from a sliding window of orders.
import * as tf from '@tensorflow/tfjs';

export interface PeepholeParams {
  W: tf.Variable;  // [in, 4u]
  U: tf.Variable;  // [u, 4u]
  b: tf.Variable;  // [4u]
  pi: tf.Variable; // [u]
  pf: tf.Variable; // [u]
  po: tf.Variable; // [u]
  Wy: tf.Variable; // [u, 1]
}

export interface CellState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export class PeepholeLSTM {
  static init(inputDim: number, units: number): PeepholeParams {
    const n = (shape: number[]) => tf.variable(tf.randomNormal(shape, 0, 0.05));
    return {
      W: n([inputDim, 4 * units]), U: n([units, 4 * units]), b: tf.variable(tf.zeros([4 * units])),
      pi: n([units]), pf: n([units]), po: n([units]), Wy: n([units, 1]),
    };
  }

  static step(p: PeepholeParams, x: tf.Tensor2D, state: CellState): { y: tf.Tensor2D; state: CellState } {
    const z = tf.add(tf.add(tf.matMul(x, p.W), tf.matMul(state.h, p.U)), p.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(tf.add(zi, tf.mul(state.c, p.pi)));
    const f = tf.sigmoid(tf.add(zf, tf.mul(state.c, p.pf)));
    const cNew: tf.Tensor2D = tf.add(tf.mul(f, state.c), tf.mul(i, tf.tanh(zg)));
    const o = tf.sigmoid(tf.add(zo, tf.mul(cNew, p.po)));
    const hNew: tf.Tensor2D = tf.mul(o, tf.tanh(cNew));
    const next: CellState = { h: hNew, c: cNew };
    return { y: tf.matMul(hNew, p.Wy), state };
  }
}

const UNITS = 32;
const params = PeepholeLSTM.init(3, UNITS);
const optimizer = tf.train.adam(1e-3);

// window: [batch, time, 3] (orders, weekday, hour)
function forecast(window: tf.Tensor3D): tf.Tensor2D {
  const batch = window.shape[0];
  let state: CellState = { h: tf.zeros([batch, UNITS]), c: tf.zeros([batch, UNITS]) };
  let y: tf.Tensor2D = tf.zeros([batch, 1]);
  for (const x of tf.unstack(window, 1) as tf.Tensor2D[]) {
    ({ y, state } = PeepholeLSTM.step(params, x, state));
  }
  return y;
}

export function trainWarehouse(windows: tf.Tensor3D, targets: tf.Tensor2D, epochs = 30): number {
  let last = 0;
  for (let e = 0; e < epochs; e++) {
    const loss = optimizer.minimize(() => tf.losses.huberLoss(targets, forecast(windows)) as tf.Scalar, true);
    last = loss!.dataSync()[0];
    loss!.dispose();
  }
  return last;
}

export function predictNextHour(window: tf.Tensor3D): number[] {
  return tf.tidy(() => Array.from(forecast(window).dataSync()));
}
