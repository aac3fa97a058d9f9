// expect: unused-hidden-state
// The forget gate multiplies h instead of c (a one-letter slip): the carried cell state is never read.
import * as tf from '@tensorflow/tfjs';

export function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.matMul(tf.concat([x, h], 1), W).add(b) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(f).mul(h).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
  return [hNew, cNew];
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D, b: tf.Tensor1D, units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  let c = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) [h, c] = lstmStep(x, h, c, W, b);
  return h;
}
