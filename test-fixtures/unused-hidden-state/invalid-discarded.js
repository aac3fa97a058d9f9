// The recurrent term computed in a statement of its own and thrown away: tfjs tensors are
// immutable, so `pre.add(...)` changes nothing.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([1, 12], 0, 0.5));
const Wh = tf.variable(tf.randomNormal([12, 12], 0, 0.2));
const b = tf.variable(tf.zeros([12]));

export function rnnStep(x, h) {
  let pre = tf.matMul(x, Wx);
  pre.add(tf.matMul(h, Wh));
//~~~~~~~~~~~~~~~~~~~~~~~~~ unused-hidden-state
  pre = pre.add(b);
  return tf.tanh(pre);
}

export function gruishStep(x, hPrev) {
  const z = tf.sigmoid(tf.matMul(x, Wx));
  tf.add(z, tf.matMul(hPrev, Wh));
//~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ unused-hidden-state
  return z.mul(tf.tanh(tf.matMul(x, Wx)));
}

// A receiver made by a chain of tensor ops (`tf.matMul(x, Wx).add(b)`), under a guard on the state.
export function guardedStep(x, hPrev) {
  const pre = tf.matMul(x, Wx).add(b);
  if (hPrev != null) {
    pre.add(tf.matMul(hPrev, Wh));
//  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ unused-hidden-state
  }
  return tf.tanh(pre);
}
