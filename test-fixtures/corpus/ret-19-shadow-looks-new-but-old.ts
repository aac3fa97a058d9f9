// expect: returns-input-state
// `hOut` is only an alias of the incoming state; the freshly computed one is `hNext`.
import * as tf from '@tensorflow/tfjs';

export function step(x: tf.Tensor2D, hIn: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hNext = tf.tanh(tf.matMul(x, W).add(tf.matMul(hIn, U))) as tf.Tensor2D;
  const y = tf.matMul(hNext, V) as tf.Tensor2D;
  const hOut = hIn;
  return [y, hOut];
}
