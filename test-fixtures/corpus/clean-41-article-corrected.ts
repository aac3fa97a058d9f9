// expect: none
// The article's corrected listing in tfjs: the returned state is fed to the next step.
import * as tf from '@tensorflow/tfjs';

class SimpleRNNCell {
  private wIh: tf.layers.Layer;
  private wHh: tf.layers.Layer;
  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize] });
  }
  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(this.wIh.apply(input) as tf.Tensor, this.wHh.apply(hidden) as tf.Tensor);
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

const seqLen = 5;
const cell = new SimpleRNNCell(10, 20);
const inputs = tf.unstack(tf.randomNormal([seqLen, 3, 10])) as tf.Tensor2D[];
const hiddenStates: tf.Tensor2D[] = [];
let hiddenState: tf.Tensor2D = tf.zeros([3, 20]);
for (let t = 0; t < seqLen; t++) {
  hiddenState = cell.forward(inputs[t], hiddenState);
  hiddenStates.push(hiddenState);
  console.log(`Hidden state at time ${t}: ${hiddenState.arraySync()[0][0]}`);
}
