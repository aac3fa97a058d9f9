// expect: none
// Deliberate truncated BPTT on one long series: each 20-step chunk is unrolled inside optimizer.minimize; only the carried state between consecutive chunks of the same series is a constant (tf.keep-ed), and it is reset every epoch.
import * as tf from '@tensorflow/tfjs';

const H = 16;

interface Params {
  wx: tf.Variable<tf.Rank.R2>;
  wh: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
  wy: tf.Variable<tf.Rank.R2>;
}

function init(): Params {
  return {
    wx: tf.variable(tf.randomNormal([1, H], 0, 0.3)),
    wh: tf.variable(tf.randomNormal([H, H], 0, 1 / Math.sqrt(H))),
    b: tf.variable(tf.zeros([H])),
    wy: tf.variable(tf.randomNormal([H, 1], 0, 0.1)),
  };
}

function step(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b));
}

/**
 * Truncated BPTT with window `chunk`: gradients flow through all steps of a
 * chunk; the state handed to the next chunk is treated as an input (this is
 * the standard TBPTT approximation, chosen to bound memory on long series).
 */
export function trainTbptt(series: number[], chunk = 20, epochs = 5, log: (s: string) => void = () => {}): Params {
  const p = init();
  const opt = tf.train.adam(0.01);

  for (let epoch = 0; epoch < epochs; epoch++) {
    let carry: tf.Tensor2D = tf.zeros([1, H]);
    let total = 0;
    let chunks = 0;
    for (let start = 0; start + chunk < series.length; start += chunk) {
      const inputs = series.slice(start, start + chunk).map((v) => tf.tensor2d([[v]]));
      const target = tf.tensor2d(series.slice(start + 1, start + chunk + 1), [chunk, 1]);
      const out: { carry?: tf.Tensor2D } = {};

      const loss = opt.minimize(() => {
        let h = carry;
        const preds: tf.Tensor2D[] = [];
        for (const x of inputs) {
          h = step(p, x, h);
          preds.push(tf.matMul(h, p.wy));
        }
        out.carry = tf.keep(h);
        return tf.losses.meanSquaredError(target, tf.concat(preds, 0)) as tf.Scalar;
      }, true);

      total += loss ? loss.dataSync()[0] : 0;
      chunks++;
      tf.dispose([loss!, target, ...inputs, carry]);
      carry = out.carry!;
    }
    carry.dispose();
    log(`epoch ${epoch}: ${(total / chunks).toFixed(5)}`);
  }
  return p;
}

/** Free-running forecast after conditioning on `history` (inference only). */
export function forecast(p: Params, history: number[], horizon: number): number[] {
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.zeros([1, H]);
    let y: tf.Tensor2D = tf.zeros([1, 1]);
    for (const v of history) {
      h = step(p, tf.tensor2d([[v]]), h);
      y = tf.matMul(h, p.wy);
    }
    const out: number[] = [];
    for (let i = 0; i < horizon; i++) {
      out.push(y.dataSync()[0]);
      h = step(p, y, h);
      y = tf.matMul(h, p.wy);
    }
    return out;
  });
}
