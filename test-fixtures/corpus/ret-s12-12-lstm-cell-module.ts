// expect: returns-input-state
// nn.LSTMCell re-implemented for tfjs plus a small many-to-one model (sum-of-sequence regression) trained in mini-batches.
import * as tf from '@tensorflow/tfjs';

export interface LSTMState { h: tf.Tensor2D; c: tf.Tensor2D }

export class LSTMCell {
  weight_ih: tf.Variable;
  weight_hh: tf.Variable;
  bias: tf.Variable;

  constructor(public input_size: number, public hidden_size: number) {
    const k = 1 / Math.sqrt(hidden_size);
    // gates are stacked as (i, f, g, o) like torch
    this.weight_ih = tf.variable(tf.randomUniform([input_size, 4 * hidden_size], -k, k));
    this.weight_hh = tf.variable(tf.randomUniform([hidden_size, 4 * hidden_size], -k, k));
    this.bias = tf.variable(tf.zeros([4 * hidden_size]));
  }

  forward(input: tf.Tensor2D, state: LSTMState): LSTMState {
    const { h, c } = state;
    const gates = tf.matMul(input, this.weight_ih).add(tf.matMul(h, this.weight_hh)).add(this.bias);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const ingate = tf.sigmoid(i);
    const forgetgate = tf.sigmoid(f.add(1)); // forget bias 1.0
    const cellgate = tf.tanh(g);
    const outgate = tf.sigmoid(o);

    const c_t = forgetgate.mul(c).add(ingate.mul(cellgate)) as tf.Tensor2D;
    const h_t = outgate.mul(tf.tanh(c_t)) as tf.Tensor2D;
    return { h: h_t, c };
  }

  initHidden(batch_size: number): LSTMState {
    return { h: tf.zeros([batch_size, this.hidden_size]), c: tf.zeros([batch_size, this.hidden_size]) };
  }
}

export class SumModel {
  cell: LSTMCell;
  fc_w: tf.Variable;
  fc_b: tf.Variable;
  constructor(hidden_size = 24) {
    this.cell = new LSTMCell(1, hidden_size);
    this.fc_w = tf.variable(tf.randomNormal([hidden_size, 1], 0, 0.1));
    this.fc_b = tf.variable(tf.zeros([1]));
  }

  // x: [batch, seq_len, 1]
  forward(x: tf.Tensor3D): tf.Tensor2D {
    let state = this.cell.initHidden(x.shape[0]);
    for (const x_t of tf.unstack(x, 1) as tf.Tensor2D[]) {
      state = this.cell.forward(x_t, state);
    }
    return tf.matMul(state.h, this.fc_w).add(this.fc_b) as tf.Tensor2D;
  }
}

function makeBatch(batch_size: number, seq_len: number): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let b = 0; b < batch_size; b++) {
    const seq = Array.from({ length: seq_len }, () => Math.random() * 0.5);
    xs.push(seq.map((v) => [v]));
    ys.push([seq.reduce((a, v) => a + v, 0)]);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys) };
}

export function train(model: SumModel, epochs = 20, batches_per_epoch = 10): number {
  const optimizer = tf.train.adam(0.01);
  let running = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    running = 0;
    for (let b = 0; b < batches_per_epoch; b++) {
      const { x, y } = makeBatch(16, 12);
      // optimizer.zero_grad(); loss = criterion(model(x), y); loss.backward(); optimizer.step()
      const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, model.forward(x)), true) as tf.Scalar;
      running += loss.dataSync()[0];
      tf.dispose([x, y, loss]);
    }
    if (epoch % 5 === 0) console.log(`epoch ${epoch} mse ${(running / batches_per_epoch).toFixed(4)}`);
  }
  return running / batches_per_epoch;
}

train(new SumModel());
