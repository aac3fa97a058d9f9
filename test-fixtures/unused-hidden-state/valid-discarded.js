// Statement-level calls that do change something: a Set of seen states, an array the state is
// pushed to, and a tensor op whose result is kept.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([1, 12], 0, 0.5));
const Wh = tf.variable(tf.randomNormal([12, 12], 0, 0.2));
const seen = new Set();
const trace = [];

export function rnnStep(x, h) {
  let pre = tf.matMul(x, Wx);
  pre = pre.add(tf.matMul(h, Wh));
  return tf.tanh(pre);
}

export function recordingStep(x, h) {
  seen.add(h);
  trace.push(h);
  return tf.tanh(tf.matMul(x, Wx));
}
