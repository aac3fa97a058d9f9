// expect: unused-hidden-state
// PyTorch-style module ported to tfjs: forward(input, hidden) never looks at hidden.
import * as tf from '@tensorflow/tfjs';

export class IncorrectRNNCell {
  private wIh: tf.layers.Layer;
  private wHh: tf.layers.Layer;

  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize] });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = this.wIh.apply(input) as tf.Tensor2D;
    return tf.relu(combined);
  }
}

const cell = new IncorrectRNNCell(10, 20);
const inputs = tf.randomNormal([5, 3, 10]).unstack() as tf.Tensor2D[];
let hidden: tf.Tensor2D = tf.zeros([3, 20]);
for (const x of inputs) {
  hidden = cell.forward(x, hidden);
}
hidden.print();
