// expect: none
// Variational recurrent dropout: ONE mask per sequence, reused at every step by design.
import * as tf from '@tensorflow/tfjs';

const H = 20;
const Wx = tf.variable(tf.randomNormal([6, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D, dropMask: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h.mul(dropMask), Wh))) as tf.Tensor2D;
}

export function runTraining(xs: tf.Tensor2D[], rate: number): tf.Tensor2D {
  const keep = 1 - rate;
  const dropMask = tf.randomUniform([1, H]).less(keep).toFloat().div(keep) as tf.Tensor2D;
  let h: tf.Tensor2D = tf.zeros([1, H]);
  for (let t = 0; t < xs.length; t++) {
    h = step(xs[t], h, dropMask);
  }
  return h;
}
