// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

const D = 6;
const H = 10;
const Wz = tf.variable(tf.randomNormal([D + H, H], 0, 0.1));
const Wr = tf.variable(tf.randomNormal([D + H, H], 0, 0.1));
const Wn = tf.variable(tf.randomNormal([D + H, H], 0, 0.1));

export function gruStep(x: tf.Tensor2D, hPrev: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const xh = tf.concat([x, hPrev], 1);
  const z = tf.sigmoid(tf.matMul(xh, Wz));
  const r = tf.sigmoid(tf.matMul(xh, Wr));
  const n = tf.tanh(tf.matMul(tf.concat([x, r.mul(hPrev)], 1), Wn));
  const hNew = tf.sub(1, z).mul(n).add(z.mul(hPrev)) as tf.Tensor2D;
  // [output, nextState]: the output is right, the next state is the old one.
  return [hNew, hPrev];
}

export function encode(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  let h: tf.Tensor2D = tf.zeros([1, H]);
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const [y, hNext] = gruStep(x, h);
    outs.push(y);
    h = hNext;
  }
  return outs;
}
