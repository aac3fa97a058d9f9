// expect: bptt-cut
// Trains a many-to-one RNN regressor; pluggable state hooks post-process the hidden state after every step.
import * as tf from '@tensorflow/tfjs';

export type StateHook = (h: tf.Tensor2D) => tf.Tensor2D;

export function clampHook(limit: number): StateHook {
  return (h) => {
    const vals = h.dataSync().map((v) => Math.max(-limit, Math.min(limit, v)));
    return tf.tensor2d(vals, h.shape);
  };
}

export function scaleHook(factor: number): StateHook {
  return (h) => tf.mul(h, factor);
}

export class RnnRegressor {
  readonly W: tf.Variable;
  readonly U: tf.Variable;
  readonly b: tf.Variable;
  readonly V: tf.Variable;
  private hooks: StateHook[] = [];
  private readonly optimizer: tf.Optimizer;

  constructor(inputDim: number, readonly units: number, lr = 0.05, seed = 51) {
    this.W = tf.variable(tf.randomNormal([inputDim, units], 0, 0.3, 'float32', seed), true);
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1), true);
    this.b = tf.variable(tf.zeros([units]), true);
    this.V = tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', seed + 2), true);
    this.optimizer = tf.train.adam(lr);
  }

  use(hook: StateHook): this {
    this.hooks.push(hook);
    return this;
  }

  forward(xs: tf.Tensor3D): tf.Tensor2D {
    const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
    let h = tf.zeros([xs.shape[0], this.units]) as tf.Tensor2D;
    for (const x of steps) {
      const raw = tf.tanh(tf.matMul(x, this.W).add(tf.matMul(h, this.U)).add(this.b)) as tf.Tensor2D;
      h = this.hooks.reduce((acc, hook) => hook(acc), raw);
    }
    return tf.matMul(h, this.V) as tf.Tensor2D;
  }

  trainStep(xs: tf.Tensor3D, ys: tf.Tensor2D): number {
    const loss = this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.forward(xs)), true);
    const v = loss ? loss.dataSync()[0] : NaN;
    if (loss) loss.dispose();
    return v;
  }

  fit(xs: tf.Tensor3D, ys: tf.Tensor2D, epochs: number): number[] {
    const history: number[] = [];
    for (let e = 0; e < epochs; e++) history.push(this.trainStep(xs, ys));
    return history;
  }
}

// Target: sum of the first feature over the whole window, so the model must remember early steps.
export function makeData(n: number, time: number, seed = 3): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  return tf.tidy(() => {
    const xs = tf.randomUniform([n, time, 2], -1, 1, 'float32', seed) as tf.Tensor3D;
    const ys = xs.slice([0, 0, 0], [-1, -1, 1]).sum(1) as tf.Tensor2D;
    return { xs, ys };
  });
}

export function demo(): void {
  const { xs, ys } = makeData(64, 6);
  const model = new RnnRegressor(2, 16).use(clampHook(3));
  const hist = model.fit(xs, ys, 40);
  console.log('loss', hist[0].toFixed(4), '->', hist[hist.length - 1].toFixed(4));
}
