// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

const H = 8;
const Wx = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const Vx = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const Vh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

export const forwardStep = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;

// The backward direction forgot its recurrent term.
export const backwardStep = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D =>
  tf.tanh(tf.matMul(x, Vx)) as tf.Tensor2D;

export function biEncode(xs: tf.Tensor2D[]): tf.Tensor2D {
  let hf = tf.zeros([1, H]) as tf.Tensor2D;
  let hb = tf.zeros([1, H]) as tf.Tensor2D;
  for (let t = 0; t < xs.length; t++) {
    hf = forwardStep(xs[t], hf);
    hb = backwardStep(xs[xs.length - 1 - t], hb);
  }
  return tf.concat([hf, hb], 1) as tf.Tensor2D;
}
