// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export class CheckedCell {
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  forward(x: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    tf.util.assert(hidden.rank === 2 && hidden.shape[0] === x.shape[0], () => 'hidden must be [batch, units]');
    return tf.tanh(tf.matMul(x, this.W)) as tf.Tensor2D;
  }
}
