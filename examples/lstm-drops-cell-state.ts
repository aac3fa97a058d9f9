// Example (deliberate bug): a PyTorch-style LSTM whose forward hands back the OLD cell state, so c
// never changes. The linter flags the return; the probe shows c frozen at zero.
import * as tf from '@tensorflow/tfjs';

export class LSTMCell {
  private W: tf.Variable;
  private U: tf.Variable;
  private b: tf.Variable;

  constructor(inputSize: number, hiddenSize: number) {
    this.W = tf.variable(tf.randomNormal([inputSize, 4 * hiddenSize], 0, 1 / Math.sqrt(inputSize)));
    this.U = tf.variable(tf.randomNormal([hiddenSize, 4 * hiddenSize], 0, 1 / Math.sqrt(hiddenSize)));
    this.b = tf.variable(tf.zeros([4 * hiddenSize]));
  }

  forward(input: tf.Tensor2D, [h, c]: tf.Tensor2D[]): tf.Tensor2D[] {
    const z = tf.matMul(input, this.W).add(tf.matMul(h, this.U)).add(this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
    return [hNew, c];
  }
}
