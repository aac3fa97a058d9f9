// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

const inputDim = 8;
const hiddenDim = 16;
const W = tf.variable(tf.randomNormal([inputDim, hiddenDim]));
const U = tf.variable(tf.randomNormal([hiddenDim, hiddenDim]));

// The recurrent weight U exists but the step never multiplies h by it.
const step = (x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D => tf.tanh(tf.matMul(x, W));

export function encode(sequence: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, hiddenDim]);
  for (const x of sequence) {
    h = step(x, h);
  }
  return h;
}
