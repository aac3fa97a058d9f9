// expect: bptt-cut
// Many-to-one sequence regressor with a small fit() helper, configurable optimizer and epoch callbacks.
import * as tf from '@tensorflow/tfjs';

export interface FitOptions {
  /** Default 0.05. */
  learningRate?: number;
  /** Default 30. */
  epochs?: number;
  /** Called after every epoch with the mean squared error. */
  onEpochEnd?: (epoch: number, loss: number) => void;
  /** Factory for the optimizer, default Adam. */
  optimizer?: (lr: number) => tf.Optimizer;
}

/** Elman RNN encoder followed by a linear readout. */
export class SequenceRegressor {
  readonly wx: tf.Variable;
  readonly wh: tf.Variable;
  readonly bh: tf.Variable;
  readonly wy: tf.Variable;
  readonly by: tf.Variable;

  constructor(readonly inputSize: number, readonly units: number, seed = 0) {
    this.wx = tf.variable(tf.randomNormal([inputSize, units], 0, 0.3, 'float32', seed), true, 'wx');
    this.wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1), true, 'wh');
    this.bh = tf.variable(tf.zeros([units]), true, 'bh');
    this.wy = tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', seed + 2), true, 'wy');
    this.by = tf.variable(tf.zeros([1]), true, 'by');
  }

  /** Last hidden state for [batch, time, features] inputs. */
  encode(xs: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([xs.shape[0], this.units]);
      for (const xt of tf.unstack(xs, 1) as tf.Tensor2D[]) {
        h = tf.tanh(xt.matMul(this.wx).add(h.matMul(this.wh)).add(this.bh));
      }
      return h;
    });
  }

  /** Readout applied to an encoded state. */
  head(h: tf.Tensor2D): tf.Tensor2D {
    return h.matMul(this.wy).add(this.by);
  }

  predict(xs: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => this.head(this.encode(xs)));
  }

  variables(): tf.Variable[] {
    return [this.wx, this.wh, this.bh, this.wy, this.by];
  }
}

/**
 * Trains `model` on (xs, ys) with full-batch gradient steps.
 * @returns the per-epoch loss history.
 */
export async function fit(
  model: SequenceRegressor,
  xs: tf.Tensor3D,
  ys: tf.Tensor2D,
  options: FitOptions = {},
): Promise<number[]> {
  const lr = options.learningRate ?? 0.05;
  const epochs = options.epochs ?? 30;
  const optimizer = (options.optimizer ?? (r => tf.train.adam(r)))(lr);
  const history: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    const features = model.encode(xs);
    const cost = optimizer.minimize(() => {
      const pred = model.head(features);
      return tf.losses.meanSquaredError(ys, pred) as tf.Scalar;
    }, true, model.variables());
    features.dispose();

    const value = cost ? (await cost.data())[0] : NaN;
    cost?.dispose();
    history.push(value);
    options.onEpochEnd?.(epoch, value);
    await tf.nextFrame();
  }
  optimizer.dispose();
  return history;
}
