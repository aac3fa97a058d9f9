// expect: bptt-cut
// Forecasts the next request latency from a window of past latencies with an unrolled lstmCell and a dense head.
import * as tf from '@tensorflow/tfjs';

const UNITS = 16;
const WINDOW = 12;

const cell = tf.layers.lstmCell({ units: UNITS });
cell.build([null, 1]);
const head = tf.layers.dense({ units: 1 });
head.build([null, UNITS]);

const params = [...cell.trainableWeights, ...head.trainableWeights].map((w) => w.read() as tf.Variable);
const optimizer = tf.train.rmsprop(0.01);

export function encode(batch: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const [b, steps] = batch.shape;
    let h: tf.Tensor = tf.zeros([b, UNITS]);
    let c: tf.Tensor = tf.zeros([b, UNITS]);
    for (let t = 0; t < steps; t++) {
      const xt = batch.slice([0, t, 0], [b, 1, 1]).reshape([b, 1]);
      const [, hNext, cNext] = cell.call([xt, h, c], {}) as tf.Tensor[];
      h = hNext;
      c = cNext;
    }
    return h as tf.Tensor2D;
  });
}

function syntheticLatencies(n: number): number[] {
  const out: number[] = [];
  let level = 0.2;
  for (let i = 0; i < n; i++) {
    level = 0.95 * level + 0.05 * (0.2 + 0.1 * Math.sin(i / 10));
    const spike = Math.random() < 0.02 ? 0.5 : 0;
    out.push(level + spike + Math.random() * 0.02);
  }
  return out;
}

function batches(series: number[], batchSize: number): Array<{ xs: tf.Tensor3D; ys: tf.Tensor2D }> {
  const result: Array<{ xs: tf.Tensor3D; ys: tf.Tensor2D }> = [];
  let xs: number[][][] = [];
  let ys: number[][] = [];
  for (let i = 0; i + WINDOW < series.length; i++) {
    xs.push(series.slice(i, i + WINDOW).map((v) => [v]));
    ys.push([series[i + WINDOW]]);
    if (xs.length === batchSize) {
      result.push({ xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) });
      xs = [];
      ys = [];
    }
  }
  return result;
}

export async function train(epochs: number): Promise<number> {
  const data = batches(syntheticLatencies(1200), 64);
  let last = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (const { xs, ys } of data) {
      const summary = encode(xs);
      const cost = optimizer.minimize(() => {
        const pred = head.apply(summary) as tf.Tensor;
        return tf.losses.meanSquaredError(ys, pred) as tf.Scalar;
      }, true, params);
      sum += (await cost!.data())[0];
      tf.dispose([summary, cost!]);
    }
    last = sum / data.length;
    console.log(`epoch ${epoch + 1} mse ${last.toFixed(5)}`);
    await tf.nextFrame();
  }
  data.forEach(({ xs, ys }) => tf.dispose([xs, ys]));
  return last;
}

train(5).then((mse) => console.log('done', mse.toFixed(5)));
