// A correct SimpleRNN step over top-level weights: h' = tanh(x Wx + h Wh + b).
import * as tf from '@tensorflow/tfjs';

const INPUT = 4;
const UNITS = 8;
const Wx = tf.variable(tf.randomNormal([INPUT, UNITS], 0, 0.4));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3));
const b = tf.variable(tf.zeros([UNITS]));

export function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const hNew = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b)) as tf.Tensor2D;
  return hNew;
}
