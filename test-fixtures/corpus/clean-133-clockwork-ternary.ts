// expect: none
// Clockwork-style unit: the state only updates every `period` steps; on the other steps it is
// carried unchanged on purpose.
import * as tf from '@tensorflow/tfjs';

export function clockworkStep(
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  t: number,
  period: number,
  W: tf.Tensor2D,
  U: tf.Tensor2D,
): [tf.Tensor2D, tf.Tensor2D] {
  const candidate = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
  const next = t % period === 0 ? candidate : h;
  return [next, next];
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D, U: tf.Tensor2D, period: number): tf.Tensor2D {
  let h = tf.zeros([1, U.shape[0]]) as tf.Tensor2D;
  xs.forEach((x, t) => {
    [, h] = clockworkStep(x, h, t, period, W, U);
  });
  return h;
}
