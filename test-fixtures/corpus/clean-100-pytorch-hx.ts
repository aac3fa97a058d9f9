// expect: none
import * as tf from '@tensorflow/tfjs';

export class RNNCellPort {
  constructor(private readonly weightIh: tf.Tensor2D, private readonly weightHh: tf.Tensor2D, private readonly bias: tf.Tensor1D) {}

  forward(inp: tf.Tensor2D, hx: tf.Tensor2D): tf.Tensor2D {
    const gi = tf.matMul(inp, this.weightIh, false, true);
    const gh = tf.matMul(hx, this.weightHh, false, true);
    return tf.tanh(gi.add(gh).add(this.bias)) as tf.Tensor2D;
  }
}
