// expect: unused-hidden-state
import * as tf from '@tensorflow/tfjs';

export class RNNCellPort {
  constructor(private readonly weightIh: tf.Tensor2D, private readonly weightHh: tf.Tensor2D, private readonly bias: tf.Tensor1D) {}

  forward(inp: tf.Tensor2D, hx: tf.Tensor2D): tf.Tensor2D {
    // hx should enter through weightHh; it never does.
    return tf.tanh(tf.matMul(inp, this.weightIh, false, true).add(this.bias)) as tf.Tensor2D;
  }
}
