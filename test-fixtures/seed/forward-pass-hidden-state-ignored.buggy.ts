// expect: unused-hidden-state
// Article, family (b) forward-pass logic, its second listing in tfjs: the previous hidden state is
// completely ignored; the new state only depends on the input.
import * as tf from '@tensorflow/tfjs';

export class IncorrectRNNCell {
  readonly wIh: tf.layers.Layer;
  readonly wHh: tf.layers.Layer;

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
const inputs = tf.unstack(tf.randomNormal([5, 3, 10])) as tf.Tensor2D[];
let hiddenState: tf.Tensor2D = tf.zeros([3, 20]);
for (let t = 0; t < inputs.length; t++) {
  hiddenState = cell.forward(inputs[t], hiddenState);
  console.log(`Hidden state at time ${t}: ${hiddenState.arraySync()[0][0]}`);
}
