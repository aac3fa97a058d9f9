// expect: bptt-cut
// Linear state-space RNN h' = A h + B x, y = C h, trained with BPTT to reproduce its input k steps late.
import * as tf from '@tensorflow/tfjs';

const n = 16, T = 30, k = 5, Bsz = 32, lim = 5;

export type M = { A: tf.Variable; B: tf.Variable; C: tf.Variable };

export function model(seed = 1): M {
  return {
    A: tf.variable(tf.eye(n).mul(0.5).add(tf.randomNormal([n, n], 0, 0.05, 'float32', seed))),
    B: tf.variable(tf.randomNormal([1, n], 0, 0.5, 'float32', seed + 1)),
    C: tf.variable(tf.randomNormal([n, 1], 0, 0.5, 'float32', seed + 2)),
  };
}

function clip(h: tf.Tensor2D): tf.Tensor2D {
  const v = h.arraySync().map((r) => r.map((a) => Math.max(-lim, Math.min(lim, a))));
  return tf.tensor2d(v);
}

export function loss(m: M, xs: tf.Tensor2D[], Y: tf.Tensor2D): tf.Scalar {
  let h = tf.zeros([Bsz, n]) as tf.Tensor2D;
  const out: tf.Tensor2D[] = [];
  for (const x of xs) {
    h = tf.matMul(h, m.A).add(tf.matMul(x, m.B)) as tf.Tensor2D;
    h = clip(h);
    out.push(tf.matMul(h, m.C));
  }
  return tf.losses.meanSquaredError(Y, tf.concat(out, 1));
}

export function data(seed: number): { xs: tf.Tensor2D[]; Y: tf.Tensor2D } {
  const X = tf.randomNormal([Bsz, T], 0, 1, 'float32', seed);
  const Y = tf.concat([tf.zeros([Bsz, k]), X.slice([0, 0], [Bsz, T - k])], 1) as tf.Tensor2D;
  const xs = tf.split(X, T, 1) as tf.Tensor2D[];
  X.dispose();
  return { xs, Y };
}

const m = model();
const opt: tf.Optimizer = tf.train.adam(0.01);
for (let it = 0; it <= 300; it++) {
  const { xs, Y } = data(100 + it);
  const { value, grads } = tf.variableGrads(() => loss(m, xs, Y));
  opt.applyGradients(grads);
  if (it % 60 === 0) console.log(`it ${it}: mse ${value.dataSync()[0].toFixed(4)}`);
  tf.dispose([value, grads, xs, Y]);
}

const { xs, Y } = data(7);
console.log('held-out mse', loss(m, xs, Y).dataSync()[0].toFixed(4));
