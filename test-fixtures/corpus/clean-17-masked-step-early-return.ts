// expect: none
// Padded timesteps keep the previous state on purpose; real timesteps compute a new one.
import * as tf from '@tensorflow/tfjs';

const H = 10;
const W = tf.variable(tf.randomNormal([3, 4 * H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.1));

export function maskedLstmStep(
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  c: tf.Tensor2D,
  isPadding: boolean,
): [tf.Tensor2D, tf.Tensor2D] {
  if (isPadding) {
    return [h, c];
  }
  const z = tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
  return [hNext, cNext];
}

export function run(xs: tf.Tensor2D[], lengths: number): tf.Tensor2D {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  let c: tf.Tensor2D = tf.zeros([1, H]);
  xs.forEach((x, t) => {
    [h, c] = maskedLstmStep(x, h, c, t >= lengths);
  });
  return h;
}
