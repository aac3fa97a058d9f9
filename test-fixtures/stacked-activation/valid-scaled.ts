// Scales that are linear layers, and temperatures applied to logits, not to an activation.
import * as tf from '@tensorflow/tfjs';

const Wp = tf.variable(tf.randomNormal([8, 5], 0, 0.1));
const gamma = tf.variable(tf.ones([8]));

// Logits (a matMul after the relu) divided by a temperature.
export function sample(h: tf.Tensor2D, temperature: number): tf.Tensor {
  const hidden = h.relu();
  return tf.softmax(tf.div(tf.matMul(hidden, Wp), temperature));
}

// A learned per-feature gain is a weight: the second activation acts on a new pre-activation.
export function gained(z: tf.Tensor2D): tf.Tensor {
  return tf.sigmoid(tf.tanh(z).mul(gamma));
}

// A scalar scale without a second activation.
export function velocity(h: tf.Tensor2D): tf.Tensor {
  return h.matMul(Wp).sigmoid().mul(127);
}

// Gating by a tensor, then an activation of a sum with a bias.
export function gatedBias(z: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor {
  return tf.tanh(tf.sigmoid(z).mul(2).add(b));
}

// A relu output multiplied by a gate tensor called `t` is a gating product, not a scale.
export function gatedByT(z: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor {
  const t = tf.tanh(h);
  return tf.sigmoid(tf.relu(z).mul(t));
}
