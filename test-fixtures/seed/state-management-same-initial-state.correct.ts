// expect: none
// Article, family (a), corrected: the state returned by each step is passed to the next one.
import * as tf from '@tensorflow/tfjs';

export class SimpleRNNCell {
  readonly wIh: tf.layers.Layer;
  readonly wHh: tf.layers.Layer;

  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.layers.dense({ units: hiddenSize, inputShape: [inputSize] });
    this.wHh = tf.layers.dense({ units: hiddenSize, inputShape: [hiddenSize] });
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(this.wIh.apply(input) as tf.Tensor2D, this.wHh.apply(hidden) as tf.Tensor2D);
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

const inputSize = 10;
const hiddenSize = 20;
const seqLen = 5;
const batchSize = 3;

const cell = new SimpleRNNCell(inputSize, hiddenSize);
const inputs = tf.unstack(tf.randomNormal([seqLen, batchSize, inputSize])) as tf.Tensor2D[];
const hiddenStates: tf.Tensor2D[] = [];
let hiddenState: tf.Tensor2D = tf.zeros([batchSize, hiddenSize]);

for (let t = 0; t < seqLen; t++) {
  hiddenState = cell.forward(inputs[t], hiddenState);
  hiddenStates.push(hiddenState);
  console.log(`Hidden state at time ${t}: ${hiddenState.arraySync()[0][0]}`);
}
