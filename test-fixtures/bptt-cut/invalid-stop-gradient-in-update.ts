// A user-written detach (a zero-gradient `tf.customGrad`, written with a rest parameter) applied to
// the state inside the update that replaces it, at every step: nested in the step's arguments, or
// kept in a const of the iteration first. Reached from the closure through `map` and an arrow const.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wf = tf.variable(tf.randomNormal([8, 8], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.1));

const detach = tf.customGrad((...args) => {
  const x = args[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)));
}

function flow(h: tf.Tensor2D, dt: number): tf.Tensor2D {
  let z = h;
  for (let k = 0; k < 4; k++) z = tf.add(z, tf.mul(dt / 4, tf.tanh(tf.matMul(z, Wf))));
  return z;
}

function encodeNested(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (const x of xs) {
    h = cell(x, detach(h) as tf.Tensor2D);
//              ~~~~~~~~~ bptt-cut
  }
  return h;
}

function encodeThroughConst(xs: tf.Tensor2D[], gaps: number[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 8]);
  for (let t = 0; t < xs.length; t++) {
    const evolved = flow(detach(h) as tf.Tensor2D, gaps[t]!);
//                       ~~~~~~~~~ bptt-cut
    h = cell(xs[t]!, evolved);
  }
  return h;
}

const score = (xs: tf.Tensor2D[]): tf.Tensor => tf.matMul(encodeNested(xs), Wo);
const scoreIrregular = (xs: tf.Tensor2D[], gaps: number[]): tf.Tensor => tf.matMul(encodeThroughConst(xs, gaps), Wo);

export function train(batch: { xs: tf.Tensor2D[]; gaps: number[]; y: tf.Tensor2D }[]): void {
  tf.variableGrads(() => {
    const losses = batch.map((s) => tf.losses.meanSquaredError(s.y, score(s.xs)));
    return tf.addN(losses) as tf.Scalar;
  });
  tf.variableGrads(() => {
    const losses = batch.map((s) => tf.losses.meanSquaredError(s.y, scoreIrregular(s.xs, s.gaps)));
    return tf.addN(losses) as tf.Scalar;
  });
}
