// expect: stacked-activation
// Small forecasting library: a coupled input-forget-gate (CIFG) LSTM cell with tf.variable weights and an options/callback API; the candidate is already tanh-squashed when it is passed through tf.tanh again in the cell update.
import * as tf from '@tensorflow/tfjs';

export interface CifgOptions {
  inputSize: number;
  units: number;
  learningRate?: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

type CellState = [tf.Tensor2D, tf.Tensor2D];

export class CifgForecaster {
  private readonly Wf: tf.Variable; private readonly Uf: tf.Variable; private readonly bf: tf.Variable;
  private readonly Wg: tf.Variable; private readonly Ug: tf.Variable; private readonly bg: tf.Variable;
  private readonly Wo: tf.Variable; private readonly Uo: tf.Variable; private readonly bo: tf.Variable;
  private readonly Wy: tf.Variable; private readonly by: tf.Variable;
  private readonly optimizer: tf.Optimizer;

  constructor(private readonly opts: CifgOptions) {
    const { inputSize: n, units: u } = opts;
    const w = (r: number, c: number) => tf.variable(tf.randomUniform([r, c], -0.08, 0.08));
    this.Wf = w(n, u); this.Uf = w(u, u); this.bf = tf.variable(tf.ones([u]));
    this.Wg = w(n, u); this.Ug = w(u, u); this.bg = tf.variable(tf.zeros([u]));
    this.Wo = w(n, u); this.Uo = w(u, u); this.bo = tf.variable(tf.zeros([u]));
    this.Wy = w(u, 1); this.by = tf.variable(tf.zeros([1]));
    this.optimizer = tf.train.rmsprop(opts.learningRate ?? 5e-3);
  }

  private gate(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Variable, U: tf.Variable, b: tf.Variable): tf.Tensor2D {
    return tf.matMul(x, W as tf.Tensor2D).add(tf.matMul(h, U as tf.Tensor2D)).add(b);
  }

  cell(x: tf.Tensor2D, [h, c]: CellState): CellState {
    const f = tf.sigmoid(this.gate(x, h, this.Wf, this.Uf, this.bf));
    const g = tf.tanh(this.gate(x, h, this.Wg, this.Ug, this.bg));
    const o = tf.sigmoid(this.gate(x, h, this.Wo, this.Uo, this.bo));
    const cNext = f.mul(c).add(tf.sub(1, f).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNext = o.mul(tf.tanh(cNext)) as tf.Tensor2D;
    return [hNext, cNext];
  }

  private forward(xs: tf.Tensor3D): tf.Tensor2D {
    const [batch, steps] = xs.shape;
    let state: CellState = [tf.zeros([batch, this.opts.units]), tf.zeros([batch, this.opts.units])];
    for (let t = 0; t < steps; t++) {
      const xt = xs.slice([0, t, 0], [batch, 1, this.opts.inputSize]).reshape([batch, this.opts.inputSize]) as tf.Tensor2D;
      state = this.cell(xt, state);
    }
    return tf.matMul(state[0], this.Wy as tf.Tensor2D).add(this.by);
  }

  async fit(xs: tf.Tensor3D, ys: tf.Tensor2D, epochs: number): Promise<number[]> {
    const losses: number[] = [];
    for (let e = 0; e < epochs; e++) {
      const cost = this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.forward(xs)) as tf.Scalar, true);
      const value = (await cost!.data())[0];
      cost!.dispose();
      losses.push(value);
      this.opts.onEpoch?.(e, value);
    }
    return losses;
  }

  predict(xs: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => this.forward(xs));
  }
}

export function windows(series: number[], size: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i + size < series.length; i++) {
    xs.push(series.slice(i, i + size).map((v) => [v]));
    ys.push([series[i + size]]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}
