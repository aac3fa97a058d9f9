// expect: state-leak
import * as tf from '@tensorflow/tfjs';

const H = 8;
const W = tf.variable(tf.randomNormal([4, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));
const step = (x, h) => tf.tanh(x.matMul(W).add(h.matMul(U)));

// Each phrase should be embedded on its own; the state runs on from phrase to phrase.
export function* embedPhrases(phrases) {
  let h = tf.zeros([1, H]);
  for (const phrase of phrases) {
    for (const token of phrase) {
      h = step(token, h);
    }
    yield h;
  }
}
