// expect: bptt-cut
// The state is read back with `await h.array()` each step and rebuilt inside the gradient
// function, so the gradient of the loss stops at every step.
import * as tf from '@tensorflow/tfjs';

const H = 6;
const Wx = tf.variable(tf.randomNormal([2, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Wo = tf.variable(tf.randomNormal([H, 1], 0, 0.1));

export async function gradsFor(xs: tf.Tensor2D[], y: tf.Tensor2D) {
  let carried: number[][] = [[0, 0, 0, 0, 0, 0]];
  for (let t = 0; t < xs.length - 1; t++) {
    const h = tf.tanh(tf.matMul(xs[t], Wx).add(tf.matMul(tf.tensor2d(carried), Wh)));
    carried = (await h.array()) as number[][];
  }
  return tf.variableGrads(() => {
    const h = tf.tanh(tf.matMul(xs[xs.length - 1], Wx).add(tf.matMul(tf.tensor2d(carried), Wh))) as tf.Tensor2D;
    return tf.losses.meanSquaredError(y, tf.matMul(h, Wo)) as tf.Scalar;
  });
}
