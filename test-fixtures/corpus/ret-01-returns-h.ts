// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 9], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([9, 9], 0, 0.1));

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const hNew = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  return h;
}

export function run(xs: tf.Tensor2D[]): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, 9]);
  for (const x of xs) h = step(x, h);
  return h;
}
