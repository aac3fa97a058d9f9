// Helpers that end in something linear (or only sometimes in an activation) are not stacking.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16]));
const U = tf.variable(tf.randomNormal([16, 16]));
const b = tf.variable(tf.zeros([16]));

function preActivation(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(x, W).add(tf.matMul(h, U)).add(b);
}

function maybeSquash(z: tf.Tensor2D, linear: boolean): tf.Tensor2D {
  if (linear) return z;
  return tf.tanh(z);
}

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(preActivation(x, h));
}

export function configurableStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(maybeSquash(preActivation(x, h), true));
}
