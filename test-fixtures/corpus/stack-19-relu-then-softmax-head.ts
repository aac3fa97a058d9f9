// expect: stacked-activation
// The readout is relu'd before the softmax: every negative logit collapses to the same value.
import * as tf from '@tensorflow/tfjs';

export function charStep(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D): { probs: tf.Tensor2D; h: tf.Tensor2D } {
  const hNew = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
  const logits = tf.relu(tf.matMul(hNew, V));
  return { probs: tf.softmax(logits) as tf.Tensor2D, h: hNew };
}
