// expect: none
import * as tf from '@tensorflow/tfjs';

const squash = tf.tanh;
const gateFn = tf.sigmoid;

export function step(x: tf.Tensor2D, h: tf.Tensor2D, Wg: tf.Tensor2D, Wc: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  const xh = tf.concat([x, h], 1);
  const gate = gateFn(tf.matMul(xh, Wg));
  const cand = squash(tf.matMul(x, Wc).add(tf.matMul(h, U)));
  return gate.mul(cand).add(tf.sub(1, gate).mul(h)) as tf.Tensor2D;
}
