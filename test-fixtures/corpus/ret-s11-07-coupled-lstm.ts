// expect: returns-input-state
// LSTM cells for the server log anomaly detector; CoupledLSTM ties input and forget gates (CIFG) to save params.
import * as tf from '@tensorflow/tfjs';

export interface LSTMState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
  t: number;
}

export class LSTMCellBase {
  protected readonly kernel: tf.Variable;
  protected readonly recurrent: tf.Variable;
  protected readonly bias: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number, protected readonly nGates = 4) {
    this.kernel = tf.variable(tf.randomNormal([inputDim, nGates * units], 0, 0.25, 'float32', 31));
    this.recurrent = tf.variable(tf.randomNormal([units, nGates * units], 0, 0.25, 'float32', 32));
    this.bias = tf.variable(tf.zeros([nGates * units]));
  }

  initial(batch: number): LSTMState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]), t: 0 };
  }

  protected projections(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D[] {
    const z = tf.add(tf.add(tf.matMul(x, this.kernel), tf.matMul(h, this.recurrent)), this.bias);
    return tf.split(z, this.nGates, 1) as tf.Tensor2D[];
  }

  step(x: tf.Tensor2D, state: LSTMState): LSTMState {
    const [zi, zf, zg, zo] = this.projections(x, state.h);
    const c = tf.add(tf.mul(tf.sigmoid(zf), state.c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as tf.Tensor2D;
    return { h, c, t: state.t + 1 };
  }
}

export class CoupledLSTM extends LSTMCellBase {
  constructor(inputDim: number, units: number) {
    super(inputDim, units, 3);
  }

  override step(x: tf.Tensor2D, state: LSTMState): LSTMState {
    const [zf, zg, zo] = this.projections(x, state.h);
    const f = tf.sigmoid(zf);
    const cNext = tf.add(tf.mul(f, state.c), tf.mul(tf.sub(1, f), tf.tanh(zg))) as tf.Tensor2D;
    const hNext = tf.mul(tf.sigmoid(zo), tf.tanh(cNext)) as tf.Tensor2D;
    return { ...state, h: hNext, t: state.t + 1 };
  }
}

export function scoreWindow(cell: LSTMCellBase, window: number[][]): number {
  return tf.tidy(() => {
    let state = cell.initial(1);
    for (const row of window) {
      state = cell.step(tf.tensor2d([row]), state);
    }
    return tf.sum(tf.square(state.h)).dataSync()[0];
  });
}

if (require.main === module) {
  const cell = new CoupledLSTM(4, 6);
  const win = [
    [0.2, 0.1, 0.0, 1.0],
    [0.3, 0.1, 0.2, 0.9],
    [0.9, 0.8, 0.7, 0.1],
    [0.1, 0.0, 0.1, 0.0],
  ];
  console.log('score', scoreWindow(cell, win));
}
