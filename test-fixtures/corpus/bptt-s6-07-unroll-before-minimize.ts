// expect: bptt-cut
// Trains a next-reading forecaster for smart energy meters: a simple recurrent cell reads each window and a linear readout predicts the next value.
import * as tf from '@tensorflow/tfjs';

const UNITS = 32;
const Wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.1), true, 'meter/Wx');
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1), true, 'meter/Wh');
const bh = tf.variable(tf.zeros([UNITS]), true, 'meter/bh');
const Wout = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1), true, 'meter/Wout');
const bout = tf.variable(tf.zeros([1]), true, 'meter/bout');
const optimizer = tf.train.adam(1e-3);

function cellStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh));
}

function runWindow(window: tf.Tensor3D): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([window.shape[0], UNITS]);
  for (const x of tf.unstack(window, 1) as tf.Tensor2D[]) {
    h = cellStep(x, h);
  }
  return h;
}

export interface MeterBatch {
  xs: tf.Tensor3D; // [batch, window, 1]
  ys: tf.Tensor2D; // [batch, 1]
}

export async function trainEpoch(batches: MeterBatch[]): Promise<number> {
  let total = 0;
  for (const { xs, ys } of batches) {
    const finalHidden = runWindow(xs);
    const cost = optimizer.minimize(() => {
      const pred = tf.add(tf.matMul(finalHidden, Wout), bout);
      return tf.losses.meanSquaredError(ys, pred) as tf.Scalar;
    }, true);
    total += (await cost!.data())[0];
    tf.dispose([cost!, finalHidden]);
  }
  return total / batches.length;
}

export function forecast(window: number[]): number {
  return tf.tidy(() => {
    const xs = tf.tensor3d([window.map((v) => [v])]);
    const h = runWindow(xs);
    return tf.add(tf.matMul(h, Wout), bout).dataSync()[0];
  });
}

export function makeBatches(series: number[], window: number, batchSize: number): MeterBatch[] {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i + window < series.length; i++) {
    xs.push(series.slice(i, i + window).map((v) => [v]));
    ys.push([series[i + window]]);
  }
  const out: MeterBatch[] = [];
  for (let i = 0; i < xs.length; i += batchSize) {
    out.push({ xs: tf.tensor3d(xs.slice(i, i + batchSize)), ys: tf.tensor2d(ys.slice(i, i + batchSize)) });
  }
  return out;
}
