// expect: none
import * as tf from '@tensorflow/tfjs';

const hiddenSize = 12;
const Wx = tf.variable(tf.randomNormal([6, hiddenSize]));
const Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize]));

function step(x, h) {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)));
}

export function encodeAll(tokens) {
  let h = tf.zeros([1, hiddenSize]);
  const history = [];
  tokens.forEach((x) => {
    h = step(x, h);
    history.push(h);
  });
  return history;
}
