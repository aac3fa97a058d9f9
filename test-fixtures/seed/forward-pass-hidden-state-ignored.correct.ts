// expect: none
// Article, family (b), corrected: the recurrent term W_hh(hidden) is part of the update.
import * as tf from '@tensorflow/tfjs';

export class RNNCell {
  readonly wIh: tf.layers.Layer;
  readonly wHh: tf.layers.Layer;

  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize] });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(this.wIh.apply(input) as tf.Tensor2D, this.wHh.apply(hidden) as tf.Tensor2D);
    return tf.relu(combined) as tf.Tensor2D;
  }
}

const cell = new RNNCell(10, 20);
const inputs = tf.unstack(tf.randomNormal([5, 3, 10])) as tf.Tensor2D[];
let hiddenState: tf.Tensor2D = tf.zeros([3, 20]);
for (let t = 0; t < inputs.length; t++) {
  hiddenState = cell.forward(inputs[t], hiddenState);
  console.log(`Hidden state at time ${t}: ${hiddenState.arraySync()[0][0]}`);
}
