// expect: stale-state
// Article, family (a) state management: "the same hidden_state tensor is being used across the
// entire sequence". The prose's bug, written as tfjs: every step receives the initial state.
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
const hiddenState: tf.Tensor2D = tf.zeros([batchSize, hiddenSize]);

for (let t = 0; t < seqLen; t++) {
  const output = cell.forward(inputs[t], hiddenState);
  console.log(`Hidden state at time ${t}: ${output.arraySync()[0][0]}`);
}
