// expect: tidy-disposed-state
// Trains a one-step-ahead RNN on normal telemetry, then streams a live feed through it and flags anomalous readings.
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;
const SIGNALS = 2;

const w = {
  inp: tf.variable(tf.randomNormal([SIGNALS, UNITS], 0, 0.4)),
  rec: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.2)),
  b: tf.variable(tf.zeros([UNITS])),
  out: tf.variable(tf.randomNormal([UNITS, SIGNALS], 0, 0.2)),
};

function cellStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(w.inp).add(h.matMul(w.rec)).add(w.b)) as tf.Tensor2D;
}

function telemetry(n: number, spikeAt = -1): number[][] {
  return Array.from({ length: n }, (_, t) => {
    const base = [Math.sin(t / 5), Math.cos(t / 7)];
    return t === spikeAt ? [base[0] + 3, base[1] - 3] : base.map((v) => v + 0.02 * Math.random());
  });
}

async function fitPredictor(series: number[][], epochs: number): Promise<void> {
  const opt = tf.train.adam(0.02);
  const xs = tf.tensor2d(series.slice(0, -1));
  const ys = tf.tensor2d(series.slice(1));
  for (let e = 0; e < epochs; e++) {
    const loss = opt.minimize(() => {
      let h: tf.Tensor2D = tf.zeros([1, UNITS]);
      const preds: tf.Tensor[] = [];
      for (let t = 0; t < xs.shape[0]; t++) {
        h = cellStep(xs.slice([t, 0], [1, SIGNALS]) as tf.Tensor2D, h);
        preds.push(h.matMul(w.out));
      }
      return tf.losses.meanSquaredError(ys, tf.concat(preds, 0)) as tf.Scalar;
    }, true);
    if (e % 10 === 0) console.log(`fit epoch ${e}: ${loss!.dataSync()[0].toFixed(4)}`);
    loss!.dispose();
  }
  tf.dispose([xs, ys]);
}

export async function monitor(feed: number[][], threshold: number): Promise<number[]> {
  const alerts: number[] = [];
  let state: tf.Tensor2D = tf.zeros([1, UNITS]);
  let expected: number[] | null = null;
  let index = 0;

  await tf.data.array(feed).forEachAsync((row) => {
    const reading = row as number[];
    if (expected) {
      const err = Math.hypot(reading[0] - expected[0], reading[1] - expected[1]);
      if (err > threshold) alerts.push(index);
    }
    expected = tf.tidy(() => {
      const next = cellStep(tf.tensor2d([reading]), state);
      state = next;
      return Array.from(next.matMul(w.out).dataSync());
    });
    index++;
  });
  return alerts;
}

async function main(): Promise<void> {
  await fitPredictor(telemetry(60), 40);
  const alerts = await monitor(telemetry(50, 30), 1.0);
  console.log(`alerts at steps: ${alerts.join(', ') || 'none'}`);
}

main().catch((err) => {
  console.error('monitor failed:', err.message);
  process.exitCode = 1;
});
