// expect: none
// TypeScript trainer for a vibration-anomaly GRU on very long recordings, using truncated backprop through time.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

export interface TbpttOptions {
  units: number;
  features: number;
  truncate: number;
  learningRate: number;
}

const DEFAULTS: TbpttOptions = { units: 32, features: 3, truncate: 50, learningRate: 3e-3 };

// Identity in the forward pass, zero gradient in the backward pass.
const cutGradient = tf.customGrad((x: tf.Tensor) => ({
  value: x.clone(),
  gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)]
}));

type GruParams = Record<'wz' | 'uz' | 'bz' | 'wr' | 'ur' | 'br' | 'wn' | 'un' | 'bn' | 'wo' | 'bo', tf.Variable>;

function initParams(f: number, u: number): GruParams {
  const w = (r: number, c: number) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
  const z = (n: number) => tf.variable(tf.zeros([n]));
  return {
    wz: w(f, u), uz: w(u, u), bz: z(u),
    wr: w(f, u), ur: w(u, u), br: z(u),
    wn: w(f, u), un: w(u, u), bn: z(u),
    wo: w(u, f), bo: z(f)
  };
}

function gru(p: GruParams, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const zt = tf.sigmoid(tf.matMul(x, p.wz as tf.Tensor2D).add(tf.matMul(h, p.uz as tf.Tensor2D)).add(p.bz));
  const rt = tf.sigmoid(tf.matMul(x, p.wr as tf.Tensor2D).add(tf.matMul(h, p.ur as tf.Tensor2D)).add(p.br));
  const nt = tf.tanh(tf.matMul(x, p.wn as tf.Tensor2D).add(tf.matMul(rt.mul(h) as tf.Tensor2D, p.un as tf.Tensor2D)).add(p.bn));
  return tf.sub(1, zt).mul(nt).add(zt.mul(h)) as tf.Tensor2D;
}

export class VibrationModel {
  private readonly opts: TbpttOptions;
  private readonly p: GruParams;
  private readonly optimizer: tf.Optimizer;

  constructor(options: Partial<TbpttOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.p = initParams(this.opts.features, this.opts.units);
    this.optimizer = tf.train.adam(this.opts.learningRate);
  }

  /**
   * One update on one recording (predict next reading from the current one).
   * Recordings run to tens of thousands of steps, so we deliberately use truncated BPTT:
   * every `truncate` steps the hidden state keeps its value but its gradient path is cut,
   * which bounds memory on the tape. Each recording starts from a zero state.
   */
  trainRecording(readings: number[][]): number {
    const { units, truncate } = this.opts;
    const cost = this.optimizer.minimize(() => {
      const xs = tf.tensor2d(readings.slice(0, -1));
      const ys = tf.tensor2d(readings.slice(1));
      const steps = tf.split(xs, xs.shape[0], 0) as tf.Tensor2D[];
      let h = tf.zeros([1, units]) as tf.Tensor2D;
      const preds: tf.Tensor2D[] = [];
      steps.forEach((x, t) => {
        if (t > 0 && t % truncate === 0) h = cutGradient(h) as tf.Tensor2D;
        h = gru(this.p, x, h);
        preds.push(tf.matMul(h, this.p.wo as tf.Tensor2D).add(this.p.bo) as tf.Tensor2D);
      });
      return tf.losses.meanSquaredError(ys, tf.concat(preds, 0)) as tf.Scalar;
    }, true);
    const v = cost ? cost.dataSync()[0] : NaN;
    cost?.dispose();
    return v;
  }

  fit(recordings: number[][][], epochs = 5): number[] {
    const history: number[] = [];
    for (let e = 0; e < epochs; e++) {
      let sum = 0;
      for (const rec of recordings) sum += this.trainRecording(rec);
      history.push(sum / recordings.length);
    }
    return history;
  }
}
