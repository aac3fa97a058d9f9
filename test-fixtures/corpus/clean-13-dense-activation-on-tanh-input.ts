// expect: none
// The dense layer's own kernel sits between the tanh and the layer's softmax.
import * as tf from '@tensorflow/tfjs';

const classifier = tf.layers.dense({ units: 5, activation: 'softmax' });
const hidden = tf.layers.dense({ units: 16, activation: 'relu' });

export function step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hNew = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
  const features = hidden.apply(hNew) as tf.Tensor2D;
  const probs = classifier.apply(features) as tf.Tensor2D;
  return [probs, hNew];
}
