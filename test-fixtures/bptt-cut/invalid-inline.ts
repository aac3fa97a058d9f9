// Unrolls written inline (no step function), folded with reduce, or kept in arrays.
import * as tf from '@tensorflow/tfjs';

const H = 6;
const W = tf.variable(tf.randomNormal([2, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const V = tf.variable(tf.randomNormal([H, 1], 0, 0.1));
const optimizer = tf.train.adam(0.01);

// An inline recurrence in a while loop before tf.valueAndGrads.
export function lossAndGrads(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  let t = 0;
  while (t < xs.length) {
    h = tf.tanh(tf.matMul(xs[t]!, W).add(tf.matMul(h, U))) as tf.Tensor2D;
    t++;
  }
  return tf.valueAndGrads((v: tf.Tensor) => tf.losses.meanSquaredError(y, tf.matMul(h, v as tf.Tensor2D)))([V]);
//                                                                                  ~ bptt-cut
}

// The prefix folded with reduce before the tape starts.
const step = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;

export function foldedPrefix(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  const hPrefix = xs.slice(0, -1).reduce((h, x) => step(x, h), tf.zeros([1, H]) as tf.Tensor2D);
  optimizer.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(step(xs[xs.length - 1]!, hPrefix), V)) as tf.Scalar);
//                                                                                          ~~~~~~~ bptt-cut
}

// The states of the unroll are collected in an array; the closure reads the last one.
export function lastOfStates(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  const states: tf.Tensor2D[] = [];
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  for (const x of xs) {
    h = step(x, h);
    states.push(h);
  }
  optimizer.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(states[states.length - 1]!, V)) as tf.Scalar);
//                                                                 ~~~~~~ bptt-cut
}

// A new tf.variable per step inside the closure, and an inline step rebuilt from dataSync().
export function rebuilt(xs: tf.Tensor2D[], y: tf.Tensor2D): void {
  optimizer.minimize(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = tf.variable(step(x, h), false) as tf.Variable<tf.Rank.R2>;
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    }
    let g: tf.Tensor = tf.zeros([1, H]);
    for (const x of xs) {
      const next = tf.tanh(tf.matMul(x, W).add(tf.matMul(g, U)));
      g = tf.tensor(next.dataSync(), next.shape);
//        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ bptt-cut
    }
    return tf.losses.meanSquaredError(y, tf.matMul(h.add(g), V)) as tf.Scalar;
  });
}

// A helper returning a fold whose reducer is the cell itself, run in a tidy before the tape.
const unrollAll = (xs: tf.Tensor2D[]): tf.Tensor2D =>
  xs.reduce((h, x) => tf.tanh(x.matMul(W).add(h.matMul(U))) as tf.Tensor2D, tf.zeros([1, H]) as tf.Tensor2D);

export function foldedByHelper(xs: tf.Tensor2D[], y: tf.Tensor2D): tf.NamedTensorMap {
  const hT = tf.tidy(() => unrollAll(xs));
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, tf.matMul(hT, V)) as tf.Scalar);
//                                                                                        ~~ bptt-cut
  tf.dispose([hT, value]);
  return grads;
}
