// expect: stale-state
import * as tf from '@tensorflow/tfjs';

const hiddenSize = 12;
const Wx = tf.variable(tf.randomNormal([6, hiddenSize]));
const Wh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize]));

function step(x, h) {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)));
}

export function encodeAll(tokens) {
  const h = tf.zeros([1, hiddenSize]);
  const history = [];
  tokens.forEach((x) => {
    const hNew = step(x, h);
    history.push(hNew);
  });
  return history[history.length - 1];
}
