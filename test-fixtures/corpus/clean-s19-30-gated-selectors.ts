// expect: none
// Minimal gated RNN trained with tf.variableGrads; losses come from a plugin registry and views from memoised selectors.
import * as tf from '@tensorflow/tfjs';

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;
const lossRegistry: Record<string, LossFn> = {
  mse: (a, b) => tf.losses.meanSquaredError(a, b) as tf.Scalar,
  huber: (a, b) => tf.losses.huberLoss(a, b) as tf.Scalar,
};

export function memo<A extends object, R>(fn: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    if (!cache.has(a)) cache.set(a, fn(a));
    return cache.get(a) as R;
  };
}

export function createModel(inputDim: number, units: number, seed = 201) {
  const v = (shape: number[], k: number) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + k));
  return {
    units,
    Wg: v([inputDim, units], 0), Ug: v([units, units], 1),
    Wc: v([inputDim, units], 2), Uc: v([units, units], 3),
    Wy: v([units, 1], 4),
  };
}
export type Model = ReturnType<typeof createModel>;

export function forward(m: Model, xs: tf.Tensor2D[]): tf.Tensor2D {
  let h = tf.zeros([xs[0].shape[0], m.units]) as tf.Tensor2D;
  for (const x of xs) {
    const gate = tf.sigmoid(tf.matMul(x, m.Wg).add(tf.matMul(h, m.Ug)));
    const cand = tf.tanh(tf.matMul(x, m.Wc).add(tf.matMul(h, m.Uc)));
    h = tf.add(tf.mul(tf.sub(1, gate), h), tf.mul(gate, cand)) as tf.Tensor2D;
  }
  return tf.matMul(h, m.Wy) as tf.Tensor2D;
}

export type Batch = { xs: tf.Tensor2D[]; ys: tf.Tensor2D };

export const selectSteps = memo((b: Batch) => b.xs.length);
export const selectBatchSize = memo((b: Batch) => b.ys.shape[0]);

export function trainStep(m: Model, batch: Batch, opt: tf.Optimizer, lossName = 'mse'): { loss: number; recurrentGrad: number } {
  const lossFn = lossRegistry[lossName];
  if (!lossFn) throw new Error(`unknown loss ${lossName}`);
  const { value, grads } = tf.variableGrads(() => lossFn(batch.ys, forward(m, batch.xs)));
  const gU = grads[m.Ug.name];
  const recurrentGrad = gU ? tf.tidy(() => gU.norm().dataSync()[0]) : 0;
  opt.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([value, ...Object.values(grads)]);
  return { loss, recurrentGrad };
}

export function makeBatch(n: number, time: number, seed = 5): Batch {
  return tf.tidy(() => {
    const raw = tf.randomUniform([time, n, 2], -1, 1, 'float32', seed);
    const xs = tf.unstack(raw) as tf.Tensor2D[];
    const ys = xs[0].slice([0, 0], [-1, 1]).sub(xs[time - 1].slice([0, 1], [-1, 1])) as tf.Tensor2D;
    return { xs, ys };
  });
}

export function fit(epochs = 50): number[] {
  const m = createModel(2, 12);
  const batch = makeBatch(32, 5);
  const opt = tf.train.adam(0.03);
  const hist: number[] = [];
  for (let e = 0; e < epochs; e++) hist.push(trainStep(m, batch, opt).loss);
  console.log(`steps=${selectSteps(batch)} batch=${selectBatchSize(batch)} loss ${hist[0].toFixed(4)} -> ${hist[hist.length - 1].toFixed(4)}`);
  return hist;
}
