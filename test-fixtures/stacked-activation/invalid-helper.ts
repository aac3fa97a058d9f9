// An activation applied to the result of a helper that already applies one.
import * as tf from '@tensorflow/tfjs';

const W = tf.variable(tf.randomNormal([8, 16]));
const U = tf.variable(tf.randomNormal([16, 16]));

function squash(z: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(z);
}

const gate = (z: tf.Tensor2D): tf.Tensor2D => tf.sigmoid(z);

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(squash(tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D));
       //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function gatedStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return gate(tf.matMul(x, W).add(tf.matMul(h, U)) as tf.Tensor2D).relu();
       //~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

// The outer activation is the helper: `squash` of a sigmoid, and of a dense layer that already squashes.
const head = tf.layers.dense({ units: 1, activation: 'sigmoid' });

export function helperOuter(z: tf.Tensor2D): tf.Tensor2D {
  return squash(tf.sigmoid(z));
//       ~~~~~~~~~~~~~~~~~~~~~ stacked-activation
}

export function helperOverLayer(state: tf.Tensor2D): tf.Tensor2D {
  const score = head.apply(state) as tf.Tensor2D;
  return squash(score);
//       ~~~~~~~~~~~~~ stacked-activation
}
