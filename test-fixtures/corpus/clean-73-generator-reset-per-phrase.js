// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 8;
const W = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const step = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

export function* embedPhrases(phrases) {
  const h0 = tf.zeros([1, H]);
  for (const phrase of phrases) {
    let h = h0;
    for (const token of phrase) {
      h = step(token, h);
    }
    yield h;
  }
}
