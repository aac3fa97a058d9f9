// expect: unused-hidden-state
// Every use of hPrev feeds the reset gate r, and r is never used: the state is dead.
import * as tf from '@tensorflow/tfjs';

export function gruStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, W: tf.Tensor2D[], U: tf.Tensor2D[]): tf.Tensor2D {
  const z = tf.sigmoid(tf.matMul(x, W[0]));
  const r = tf.sigmoid(tf.matMul(x, W[1]).add(tf.matMul(hPrev, U[1])));
  const n = tf.tanh(tf.matMul(x, W[2]));
  return tf.sub(1, z).mul(n) as tf.Tensor2D;
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D[], U: tf.Tensor2D[], units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) h = gruStep(x, h, W, U);
  return h;
}
