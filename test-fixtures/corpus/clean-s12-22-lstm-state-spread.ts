// expect: none
// LSTM cell with the state kept as a plain object {h, c, t}; the model reads a noisy signal and predicts its running mean.
import * as tf from '@tensorflow/tfjs';

export type CellState = { h: tf.Tensor2D; c: tf.Tensor2D; t: number };

export function createLSTM(input_dim: number, units: number) {
  const k = 1 / Math.sqrt(units);
  const W = tf.variable(tf.randomUniform([input_dim + units, 4 * units], -k, k));
  const b = tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]));

  function zeroState(batch: number): CellState {
    return { h: tf.zeros([batch, units]), c: tf.zeros([batch, units]), t: 0 };
  }

  function step(x: tf.Tensor2D, state: CellState): CellState {
    // gates = cat([x, h]) @ W + b, order (i, f, g, o)
    const gates = tf.matMul(tf.concat([x, state.h], 1), W).add(b);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const c_next = tf.sigmoid(f).mul(state.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h_next = tf.sigmoid(o).mul(tf.tanh(c_next)) as tf.Tensor2D;
    return { ...state, h: h_next, c: c_next, t: state.t + 1 };
  }

  return { step, zeroState, weights: [W, b] };
}

const lstm = createLSTM(1, 16);
const readout = tf.variable(tf.randomNormal([16, 1], 0, 0.1));

// xs: [batch, T, 1] -> predictions [batch, T]
export function runSequence(xs: tf.Tensor3D): tf.Tensor2D {
  let state = lstm.zeroState(xs.shape[0]);
  const preds: tf.Tensor2D[] = [];
  for (const x_t of tf.unstack(xs, 1) as tf.Tensor2D[]) {
    state = lstm.step(x_t, state);
    preds.push(tf.matMul(state.h, readout) as tf.Tensor2D);
  }
  return tf.concat(preds, 1) as tf.Tensor2D;
}

function makeData(n: number, T: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const X: number[][][] = [];
  const Y: number[][] = [];
  for (let s = 0; s < n; s++) {
    const level = Math.random() * 2 - 1;
    let sum = 0;
    const row: number[][] = [];
    const target: number[] = [];
    for (let t = 0; t < T; t++) {
      const v = level + (Math.random() - 0.5) * 0.5;
      sum += v;
      row.push([v]);
      target.push(sum / (t + 1));
    }
    X.push(row);
    Y.push(target);
  }
  return { xs: tf.tensor3d(X), ys: tf.tensor2d(Y) };
}

export async function train(epochs = 25): Promise<number> {
  const optimizer = tf.train.rmsprop(0.01);
  const { xs, ys } = makeData(64, 12);
  let last = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < 64; start += 16) {
      const xb = xs.slice([start, 0, 0], [16, -1, -1]);
      const yb = ys.slice([start, 0], [16, -1]);
      const loss = optimizer.minimize(() => tf.losses.meanSquaredError(yb, runSequence(xb)) as tf.Scalar, true)!;
      last = (await loss.data())[0];
      tf.dispose([xb, yb, loss]);
    }
    if (epoch % 5 === 0) console.log(`epoch ${epoch} mse ${last.toFixed(5)}`);
  }
  tf.dispose([xs, ys]);
  return last;
}

train().then((l) => console.log('done, mse', l.toFixed(5)));
