// expect: none
// Trains a next-tick return predictor on one long tick series with truncated BPTT over fixed-size chunks.
import * as tf from '@tensorflow/tfjs';

const H = 16;
const CHUNK = 25;

export class TickRnn {
  readonly wx = tf.variable(tf.randomNormal([1, H], 0, 0.4, 'float32', 101));
  readonly wh = tf.variable(tf.randomNormal([H, H], 0, 0.2, 'float32', 102));
  readonly bh = tf.variable(tf.zeros([H]));
  readonly wo = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 103));

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)).add(this.bh));
  }
}

export function trainEpoch(model: TickRnn, series: number[], opt: tf.Optimizer): number {
  // The carry starts at zero once per pass over the series; within the pass it is handed from chunk to chunk.
  let carry: tf.Tensor2D = tf.zeros([1, H]);
  let total = 0;
  let chunks = 0;

  for (let start = 0; start + CHUNK + 1 <= series.length; start += CHUNK) {
    const xs = tf.tensor2d(series.slice(start, start + CHUNK), [CHUNK, 1]);
    const ys = tf.tensor2d(series.slice(start + 1, start + CHUNK + 1), [CHUNK, 1]);
    let lastH: tf.Tensor2D | null = null;

    const cost = opt.minimize(() => {
      let h = carry;
      const preds: tf.Tensor2D[] = [];
      for (let t = 0; t < CHUNK; t++) {
        h = model.step(xs.slice([t, 0], [1, 1]) as tf.Tensor2D, h);
        preds.push(h.matMul(model.wo) as tf.Tensor2D);
      }
      lastH = tf.keep(h);
      return tf.losses.meanSquaredError(ys, tf.concat(preds, 0)) as tf.Scalar;
    }, true);

    total += cost!.dataSync()[0];
    chunks++;
    cost!.dispose();

    // Truncated BPTT: the state crosses the chunk boundary as plain data, so the next chunk's
    // gradients stop here on purpose (k = CHUNK steps) instead of reaching back to the start of the series.
    const h: tf.Tensor2D = lastH!;
    const detached = tf.tensor2d(h.dataSync(), [1, H]);
    h.dispose();
    carry.dispose();
    carry = detached;
    tf.dispose([xs, ys]);
  }
  carry.dispose();
  return total / Math.max(1, chunks);
}

export function synthTicks(n: number): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    // mean-reverting returns with a slow cycle, scaled to roughly unit variance
    const r = -0.4 * prev + 0.6 * Math.sin(i / 8) + 0.2 * Math.sin(i * 7.77);
    out.push(r);
    prev = r;
  }
  return out;
}

if (require.main === module) {
  const model = new TickRnn();
  const opt = tf.train.adam(0.01);
  const series = synthTicks(500);
  for (let epoch = 0; epoch < 8; epoch++) {
    const mse = trainEpoch(model, series, opt);
    console.log(`epoch ${epoch} mean chunk mse ${mse.toFixed(4)}`);
  }
}
