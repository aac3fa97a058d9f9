// expect: none
// Layer-normalised LSTM (Ba et al., 2016) for next-step load forecasting, plus a streaming predictor for live meters.
import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D]; // [h, c]

function layerNorm(x: tf.Tensor2D, gain: tf.Tensor1D, bias?: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  const y: tf.Tensor2D = tf.mul(gain, tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))));
  return bias ? tf.add(y, bias) : y;
}

export class LNLSTMCell {
  readonly Wx: tf.Variable<tf.Rank.R2>;
  readonly Wh: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;
  readonly gx: tf.Variable<tf.Rank.R1>;
  readonly gh: tf.Variable<tf.Rank.R1>;
  readonly gc: tf.Variable<tf.Rank.R1>;
  readonly bc: tf.Variable<tf.Rank.R1>;

  constructor(inputDim: number, readonly units: number) {
    this.Wx = tf.variable(tf.randomNormal([inputDim, 4 * units], 0, 1 / Math.sqrt(inputDim)));
    this.Wh = tf.variable(tf.randomNormal([units, 4 * units], 0, 1 / Math.sqrt(units)));
    this.b = tf.variable(tf.zeros([4 * units]));
    this.gx = tf.variable(tf.ones([4 * units]));
    this.gh = tf.variable(tf.ones([4 * units]));
    this.gc = tf.variable(tf.ones([units]));
    this.bc = tf.variable(tf.zeros([units]));
  }

  zeroState(batch: number): State {
    return [tf.zeros([batch, this.units]), tf.zeros([batch, this.units])];
  }

  // LN is applied separately to the input and recurrent projections, and to c_t before the output tanh
  step(x: tf.Tensor2D, [h, c]: State): State {
    const gates = tf.add(
      tf.add(layerNorm(tf.matMul(x, this.Wx), this.gx), layerNorm(tf.matMul(h, this.Wh), this.gh)),
      this.b,
    );
    const [i, f, o, g] = tf.split(gates, 4, 1);
    const cNext: tf.Tensor2D = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    const hNext: tf.Tensor2D = tf.mul(tf.sigmoid(o), tf.tanh(layerNorm(cNext, this.gc, this.bc)));
    return [hNext, cNext];
  }
}

const cell = new LNLSTMCell(1, 64);
const head = { W: tf.variable(tf.randomNormal([64, 1], 0, 0.05)), b: tf.variable(tf.zeros([1])) };
const readout = (h: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(h, head.W), head.b);

function windowLoss(xs: tf.Tensor3D, ys: tf.Tensor3D): tf.Scalar {
  const [B, T] = xs.shape;
  let state = cell.zeroState(B);
  const preds: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    state = cell.step(tf.reshape(tf.slice(xs, [0, t, 0], [B, 1, 1]), [B, 1]), state);
    preds.push(readout(state[0]));
  }
  return tf.losses.meanSquaredError(tf.reshape(ys, [B, T]), tf.concat(preds, 1)) as tf.Scalar;
}

export async function train(series: number[], steps = 300, T = 96): Promise<void> {
  const optimizer = tf.train.adam(1e-3);
  for (let s = 0; s < steps; s++) {
    const starts = Array.from({ length: 16 }, () => Math.floor(Math.random() * (series.length - T - 1)));
    const xs = tf.tensor3d(starts.map((a) => series.slice(a, a + T).map((v) => [v])));
    const ys = tf.tensor3d(starts.map((a) => series.slice(a + 1, a + T + 1).map((v) => [v])));
    const loss = optimizer.minimize(() => windowLoss(xs, ys), true)!;
    if (s % 50 === 0) console.log(`step ${s}: mse ${(await loss.data())[0].toFixed(5)}`);
    tf.dispose([xs, ys, loss]);
  }
}

export class LivePredictor {
  private state: State = cell.zeroState(1);

  reset(): void {
    tf.dispose(this.state);
    this.state = cell.zeroState(1);
  }

  update(reading: number): number {
    const old = this.state;
    const pred = tf.tidy(() => {
      const [h, c] = cell.step(tf.tensor2d([[reading]]), old);
      this.state = [tf.keep(h), tf.keep(c)];
      return readout(h);
    });
    tf.dispose(old);
    const y = pred.dataSync()[0];
    pred.dispose();
    return y;
  }
}

export async function replayMeters(meters: Map<string, number[]>): Promise<void> {
  const live = new LivePredictor();
  for (const [meterId, readings] of meters) {
    live.reset();
    let absErr = 0;
    for (let t = 0; t + 1 < readings.length; t++) absErr += Math.abs(live.update(readings[t]) - readings[t + 1]);
    console.log(`${meterId}: MAE ${(absErr / (readings.length - 1)).toFixed(4)}`);
  }
}
