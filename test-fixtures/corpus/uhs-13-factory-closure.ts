// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

function makeCell(W: tf.Tensor2D, U: tf.Tensor2D, b: tf.Tensor1D) {
  // U is captured but the returned step never touches the carried state.
  return (x: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D => tf.tanh(tf.matMul(x, W).add(b));
}

export function encode(xs: tf.Tensor2D[], units: number): tf.Tensor2D {
  const cell = makeCell(tf.randomNormal([4, units]), tf.randomNormal([units, units]), tf.zeros([units]));
  let s = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) s = cell(x, s);
  return s;
}
