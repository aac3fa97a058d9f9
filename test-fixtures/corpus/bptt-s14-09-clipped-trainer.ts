// expect: bptt-cut
// Trains a small IRNN (relu, identity-initialised recurrence) to track the sign of a running sum at every step.
import * as tf from '@tensorflow/tfjs';

export interface Weights {
  readonly wx: tf.Variable;
  readonly wh: tf.Variable;
  readonly bh: tf.Variable;
  readonly wy: tf.Variable;
  readonly by: tf.Variable;
}

export type Batch = { readonly xs: readonly number[][][]; readonly ys: readonly number[][][] };

const STATE_LIMIT = 3;

export function initWeights(inputDim: number, units: number): Weights {
  const n = (shape: number[], seed: number) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed));
  return {
    wx: n([inputDim, units], 1),
    wh: tf.variable(tf.eye(units).mul(0.9)),
    bh: tf.variable(tf.zeros([units])),
    wy: n([units, 1], 3),
    by: tf.variable(tf.zeros([1])),
  };
}

const clamp = (v: number): number => Math.max(-STATE_LIMIT, Math.min(STATE_LIMIT, v));

function clipState(h: tf.Tensor): tf.Tensor {
  const rows = h.arraySync() as number[][];
  return tf.tensor2d(rows.map((r) => r.map(clamp)));
}

export function lossFor(w: Weights, batch: Batch): tf.Scalar {
  const steps = batch.xs[0].length;
  let h: tf.Tensor = tf.zeros([batch.xs.length, w.wh.shape[0]]);
  const losses: tf.Scalar[] = [];
  for (let t = 0; t < steps; t++) {
    const x = tf.tensor2d(batch.xs.map((seq) => seq[t]));
    const hNew = tf.relu(x.matMul(w.wx).add(h.matMul(w.wh)).add(w.bh));
    const logits = hNew.matMul(w.wy).add(w.by);
    const target = tf.tensor2d(batch.ys.map((seq) => seq[t]));
    losses.push(tf.losses.sigmoidCrossEntropy(target, logits) as tf.Scalar);
    h = clipState(hNew);
  }
  return tf.addN(losses).div(steps) as tf.Scalar;
}

export function trainStep(w: Weights, batch: Batch, lr: number): number {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => lossFor(w, batch));
    for (const [name, g] of Object.entries(grads)) {
      const v = Object.values(w).find((variable: tf.Variable) => variable.name === name);
      if (v) v.assign(v.sub(g.mul(lr)));
    }
    return value.dataSync()[0];
  });
}

export function makeBatch(size: number, steps: number, seed: number): Batch {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const xs = Array.from({ length: size }, () => Array.from({ length: steps }, () => [rnd()]));
  const ys = xs.map((seq) => {
    let sum = 0;
    return seq.map(([v]) => [(sum += v) > 0 ? 1 : 0]);
  });
  return { xs, ys };
}

if (require.main === module) {
  const w = initWeights(1, 8);
  for (let epoch = 0; epoch < 30; epoch++) {
    const loss = trainStep(w, makeBatch(16, 10, epoch + 1), 0.5);
    if (epoch % 10 === 0) console.log(`epoch ${epoch} loss ${loss.toFixed(4)}`);
  }
}
