// expect: returns-input-state
import * as tf from '@tensorflow/tfjs';

export class Elman {
  static step(x: tf.Tensor2D, h: tf.Tensor2D, W: tf.Tensor2D, U: tf.Tensor2D, V: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const hNew = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
    return [tf.matMul(hNew, V) as tf.Tensor2D, h];
  }
}
