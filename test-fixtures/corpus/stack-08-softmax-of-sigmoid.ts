// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

const H = 20;
const vocab = 30;
const cell = tf.layers.simpleRNNCell({ units: H });
cell.build([null, vocab]);
const Wout = tf.variable(tf.randomNormal([H, vocab], 0, 0.1));

export function nextCharProbs(x: tf.Tensor2D, h: tf.Tensor): [tf.Tensor2D, tf.Tensor] {
  const [out, hNext] = cell.call([x, h], {}) as tf.Tensor[];
  const logits = tf.matMul(out as tf.Tensor2D, Wout);
  return [tf.softmax(tf.sigmoid(logits)) as tf.Tensor2D, hNext];
}
