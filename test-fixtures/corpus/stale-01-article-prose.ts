// expect: stale-state
// The article's state-management bug: every timestep is fed the same initial hidden state.
import * as tf from '@tensorflow/tfjs';

class SimpleRNNCell {
  private wIh: tf.Variable;
  private wHh: tf.Variable;
  constructor(inputSize: number, hiddenSize: number) {
    this.wIh = tf.variable(tf.randomNormal([inputSize, hiddenSize], 0, 0.1));
    this.wHh = tf.variable(tf.randomNormal([hiddenSize, hiddenSize], 0, 0.1));
  }
  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(tf.matMul(input, this.wIh), tf.matMul(hidden, this.wHh));
    return tf.tanh(combined) as tf.Tensor2D;
  }
}

const seqLen = 5;
const batchSize = 3;
const cell = new SimpleRNNCell(10, 20);
const inputs = tf.unstack(tf.randomNormal([seqLen, batchSize, 10])) as tf.Tensor2D[];
const hiddenState: tf.Tensor2D = tf.zeros([batchSize, 20]);
const hiddenStates: tf.Tensor2D[] = [];

for (let t = 0; t < seqLen; t++) {
  const newHidden = cell.forward(inputs[t], hiddenState);
  hiddenStates.push(newHidden);
  console.log(`Hidden state at time ${t}: ${newHidden.arraySync()[0][0]}`);
}
