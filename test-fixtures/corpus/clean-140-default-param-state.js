// expect: none
import * as tf from '@tensorflow/tfjs';

export function makeStep(W, U) {
  const units = U.shape[0];
  const step = (x, h = tf.zeros([1, units])) => tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)));
  return (xs) => xs.reduce((h, x) => step(x, h), undefined);
}
