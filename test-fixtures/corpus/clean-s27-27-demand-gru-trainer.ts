// expect: none
// Trains a GRU demand model on 14-day windows from many stores with explicit variableGrads and Adam, then scores a hold-out week.
import * as tf from '@tensorflow/tfjs';

const H = 12;
const WIN = 14;

type Params = Record<'wz' | 'uz' | 'wr' | 'ur' | 'wc' | 'uc' | 'wo', tf.Variable>;

export function initParams(seed = 211): Params {
  const v = (shape: number[], k: number) => tf.variable(tf.randomNormal(shape, 0, 0.25, 'float32', seed + k));
  return {
    wz: v([2, H], 0), uz: v([H, H], 1),
    wr: v([2, H], 2), ur: v([H, H], 3),
    wc: v([2, H], 4), uc: v([H, H], 5),
    wo: v([H, 1], 6),
  };
}

function step(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sigmoid(x.matMul(p.wz).add(h.matMul(p.uz)));
  const r = tf.sigmoid(x.matMul(p.wr).add(h.matMul(p.ur)));
  const cand = tf.tanh(x.matMul(p.wc).add(r.mul(h).matMul(p.uc)));
  return tf.sub(1, z).mul(h).add(z.mul(cand)) as tf.Tensor2D;
}

export function predict(p: Params, windows: tf.Tensor3D): tf.Tensor2D {
  const [batch, steps] = windows.shape;
  // every window is an independent sequence, so each batch starts from zero
  let h: tf.Tensor2D = tf.zeros([batch, H]);
  for (let t = 0; t < steps; t++) {
    const xt = windows.slice([0, t, 0], [batch, 1, 2]).reshape([batch, 2]) as tf.Tensor2D;
    h = step(p, xt, h);
  }
  return h.matMul(p.wo) as tf.Tensor2D;
}

export function buildWindows(stores: number[][]): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (const sales of stores) {
    const scale = Math.max(...sales);
    for (let i = WIN; i < sales.length; i++) {
      xs.push(sales.slice(i - WIN, i).map((u, k) => [u / scale, ((i - WIN + k) % 7) / 6]));
      ys.push([sales[i] / scale]);
    }
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys) };
}

export function trainSteps(p: Params, x: tf.Tensor3D, y: tf.Tensor2D, iters: number): number[] {
  const opt: tf.Optimizer = tf.train.adam(0.02);
  const losses: number[] = [];
  for (let it = 0; it < iters; it++) {
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, predict(p, x)) as tf.Scalar);
    opt.applyGradients(grads);
    losses.push(value.dataSync()[0]);
    tf.dispose(value);
    tf.dispose(grads);
  }
  return losses;
}

export function storeSales(n: number, base: number, phase: number): number[] {
  return Array.from({ length: n }, (_, d) => base * (1 + 0.35 * (d % 7 >= 5 ? 1 : 0)) + 8 * Math.sin(d / 3 + phase));
}

if (require.main === module) {
  const p = initParams();
  const train = buildWindows([storeSales(70, 100, 0), storeSales(70, 60, 1), storeSales(70, 220, 2)]);
  const losses = trainSteps(p, train.x, train.y, 30);
  console.log(`train mse ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)}`);
  const hold = buildWindows([storeSales(21, 140, 0.5)]);
  const mse = tf.tidy(() => tf.losses.meanSquaredError(hold.y, predict(p, hold.x)).dataSync()[0]);
  console.log(`hold-out mse ${mse.toFixed(4)}`);
}
