// expect: bptt-cut
// Forecasting service wrapper: trains an RNN on hourly energy readings and predicts the next hour, with train/predict/save-style methods.
import * as tf from '@tensorflow/tfjs';

export interface ForecasterOptions {
  units: number;
  window: number;
  learningRate: number;
}

export class EnergyForecaster {
  private readonly Wx: tf.Variable;
  private readonly Wh: tf.Variable;
  private readonly bh: tf.Variable;
  private readonly Wy: tf.Variable;
  private readonly by: tf.Variable;
  private readonly opt: tf.Optimizer;

  constructor(private readonly o: ForecasterOptions) {
    this.Wx = tf.variable(tf.randomNormal([2, o.units], 0, 0.3), true, 'Wx');
    this.Wh = tf.variable(tf.randomNormal([o.units, o.units], 0, 0.3), true, 'Wh');
    this.bh = tf.variable(tf.zeros([o.units]), true, 'bh');
    this.Wy = tf.variable(tf.randomNormal([o.units, 1], 0, 0.3), true, 'Wy');
    this.by = tf.variable(tf.zeros([1]), true, 'by');
    this.opt = tf.train.adam(o.learningRate);
  }

  private get trainable(): tf.Variable[] {
    return [this.Wx, this.Wh, this.bh, this.Wy, this.by];
  }

  /** inputs [batch, window, 2] (load, hour-of-day) -> hidden states per step */
  private unroll(inputs: tf.Tensor3D): tf.Tensor2D[] {
    const [batch] = inputs.shape;
    let h = tf.zeros([batch, this.o.units]) as tf.Tensor2D;
    const states: tf.Tensor2D[] = [];
    for (const xt of tf.unstack(inputs, 1) as tf.Tensor2D[]) {
      h = tf.tanh(xt.matMul(this.Wx).add(h.matMul(this.Wh)).add<tf.Tensor2D>(this.bh));
      states.push(h);
    }
    return states;
  }

  private readout(h: tf.Tensor2D): tf.Tensor2D {
    return h.matMul(this.Wy).add<tf.Tensor2D>(this.by);
  }

  trainBatch(inputs: tf.Tensor3D, targets: tf.Tensor2D): number {
    const states = this.unroll(inputs);
    const cost = this.opt.minimize(
      () => {
        const preds = tf.concat(states.map((h) => this.readout(h)), 1); // [batch, window]
        return tf.losses.meanSquaredError(targets, preds) as tf.Scalar;
      },
      true,
      this.trainable,
    );
    tf.dispose(states);
    const value = cost ? cost.dataSync()[0] : NaN;
    cost?.dispose();
    return value;
  }

  predictNext(history: number[][]): number {
    return tf.tidy(() => {
      const x = tf.tensor3d([history.slice(-this.o.window)]);
      const states = this.unroll(x);
      return this.readout(states[states.length - 1]).dataSync()[0];
    });
  }

  async fit(series: number[], epochs: number, log: (msg: string) => void = console.log): Promise<void> {
    const W = this.o.window;
    const xs: number[][][] = [];
    const ys: number[][] = [];
    for (let i = 0; i + W + 1 <= series.length; i += W) {
      xs.push(series.slice(i, i + W).map((v, k) => [v, ((i + k) % 24) / 24]));
      ys.push(series.slice(i + 1, i + W + 1));
    }
    const inputs = tf.tensor3d(xs);
    const targets = tf.tensor2d(ys);
    for (let e = 0; e < epochs; e++) {
      const loss = this.trainBatch(inputs, targets);
      if (e % 10 === 0) log(`epoch ${e}: mse=${loss.toFixed(5)}`);
      await tf.nextFrame();
    }
    tf.dispose([inputs, targets]);
  }
}
