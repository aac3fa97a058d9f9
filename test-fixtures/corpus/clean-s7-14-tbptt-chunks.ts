// expect: none
// Trains a next-hour electricity load predictor on one multi-year meter series, walking the series in fixed-size chunks.
import * as tf from '@tensorflow/tfjs';

const UNITS = 48;
const CHUNK = 64;
const FEATURES = 3; // load, hour-of-day sin, hour-of-day cos

type Carry = { h: tf.Tensor2D; c: tf.Tensor2D };

const kernel = tf.variable(tf.randomNormal([FEATURES + UNITS, 4 * UNITS], 0, 0.05)) as tf.Variable<tf.Rank.R2>;
const bias = tf.variable(tf.zeros([4 * UNITS])) as tf.Variable<tf.Rank.R1>;
const forgetBias = tf.scalar(1);
const readoutW = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.05));
const readoutB = tf.variable(tf.zeros([1]));
const optimizer = tf.train.adam(2e-3);

function zeroCarry(): Carry {
  return { h: tf.zeros([1, UNITS]) as tf.Tensor2D, c: tf.zeros([1, UNITS]) as tf.Tensor2D };
}

function features(load: number[], start: number, len: number, mean: number, std: number): tf.Tensor2D[] {
  const rows: tf.Tensor2D[] = [];
  for (let t = start; t < start + len; t++) {
    const hour = t % 24;
    rows.push(tf.tensor2d([[(load[t] - mean) / std, Math.sin((2 * Math.PI * hour) / 24), Math.cos((2 * Math.PI * hour) / 24)]]));
  }
  return rows;
}

function stats(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) || 1;
  return { mean, std };
}

/**
 * One pass over the whole series. The series is a single continuous recording, so the
 * state flows from one chunk into the next. Truncated BPTT: each chunk is unrolled inside
 * its own minimize() call, and the final state is kept as a plain value for the next chunk,
 * so gradients deliberately stop at chunk boundaries (memory stays bounded).
 */
export async function trainEpoch(load: number[]): Promise<number> {
  const { mean, std } = stats(load);
  let carry = zeroCarry();
  let total = 0;
  let chunks = 0;

  for (let start = 0; start + CHUNK + 1 <= load.length; start += CHUNK) {
    const xs = features(load, start, CHUNK, mean, std);
    const ys = tf.tensor2d(load.slice(start + 1, start + CHUNK + 1).map((v) => (v - mean) / std), [CHUNK, 1]);
    const prev = carry;
    let next: Carry | null = null;

    const cost = optimizer.minimize(() => {
      let h = prev.h;
      let c = prev.c;
      const outs: tf.Tensor2D[] = [];
      for (const x of xs) {
        [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, x, c, h);
        outs.push(h);
      }
      next = { h: tf.keep(h.clone()), c: tf.keep(c.clone()) };
      const preds = tf.add(tf.matMul(tf.concat(outs, 0), readoutW), readoutB);
      return tf.losses.meanSquaredError(ys, preds) as tf.Scalar;
    }, true);

    tf.dispose([prev.h, prev.c, ...xs, ys]);
    carry = next ?? zeroCarry();
    if (cost) {
      total += (await cost.data())[0];
      cost.dispose();
    }
    chunks++;
    if (chunks % 50 === 0) await tf.nextFrame();
  }
  tf.dispose([carry.h, carry.c]);
  return total / Math.max(chunks, 1);
}

export async function fit(load: number[], epochs: number, log: (s: string) => void) {
  for (let e = 0; e < epochs; e++) {
    // every epoch is a fresh pass from the beginning of the recording
    const mse = await trainEpoch(load);
    log(`epoch ${e + 1}/${epochs}  mse=${mse.toFixed(5)}  tensors=${tf.memory().numTensors}`);
  }
}
