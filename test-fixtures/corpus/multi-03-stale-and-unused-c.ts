// expect: stale-state, unused-hidden-state
import * as tf from '@tensorflow/tfjs';

const H = 8;
const W = tf.variable(tf.randomNormal([4, 4 * H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, 4 * H], 0, 0.1));

function lstmStep(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const z = tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D;
  const [i, , g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(i).mul(tf.tanh(g)) as tf.Tensor2D;
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
  return [hNew, cNew];
}

export function run(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const h0 = tf.zeros([1, H]) as tf.Tensor2D;
  const c0 = tf.zeros([1, H]) as tf.Tensor2D;
  const hs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const [h] = lstmStep(x, h0, c0);
    hs.push(h);
  }
  return hs;
}
