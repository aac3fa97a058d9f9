// expect: unused-hidden-state
// The (h, c) pair arrives destructured; the cell state is never read, so nothing is remembered
// beyond one step through c.
import * as tf from '@tensorflow/tfjs';

export class PeepholeFreeLSTM {
  constructor(private readonly W: tf.Tensor2D, private readonly b: tf.Tensor1D) {}

  forward(x: tf.Tensor2D, [h, c]: [tf.Tensor2D, tf.Tensor2D]): [tf.Tensor2D, tf.Tensor2D] {
    const z = tf.matMul(tf.concat([x, h], 1), this.W).add(this.b) as tf.Tensor2D;
    const [i, , g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(i).mul(tf.tanh(g)) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, cNew];
  }
}
