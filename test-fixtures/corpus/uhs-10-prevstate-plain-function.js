// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([3, 6], 0, 0.1));
const Wrec = tf.variable(tf.randomNormal([6, 6], 0, 0.1));
const bias = tf.variable(tf.zeros([6]));

function cellStep(x, prevState) {
  return tf.tidy(() => tf.tanh(x.matMul(Wx).add(bias)));
}

export function run(xs) {
  let state = tf.zeros([1, 6]);
  for (const x of xs) {
    state = cellStep(x, state);
  }
  return state;
}
