// expect: stacked-activation
import * as tf from '@tensorflow/tfjs';

export class SparseRNN {
  private readonly Wi: tf.Variable;
  private readonly Wr: tf.Variable;
  private readonly bias: tf.Variable;

  constructor(inSize: number, private readonly hidden: number) {
    this.Wi = tf.variable(tf.randomNormal([inSize, hidden], 0, 0.05), true, 'sparse_rnn/Wi');
    this.Wr = tf.variable(tf.eye(hidden).mul(0.9), true, 'sparse_rnn/Wr');
    this.bias = tf.variable(tf.zeros([hidden]), true, 'sparse_rnn/b');
  }

  forward(input: tf.Tensor2D, hx: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const pre = input.matMul(this.Wi).add(hx.matMul(this.Wr)).add(this.bias);
      return pre.tanh().relu() as tf.Tensor2D;
    });
  }

  sequence(inputs: tf.Tensor2D[]): tf.Tensor2D {
    let hx = tf.zeros([inputs[0].shape[0], this.hidden]) as tf.Tensor2D;
    let t = 0;
    while (t < inputs.length) {
      const next = this.forward(inputs[t], hx);
      hx.dispose();
      hx = next;
      t += 1;
    }
    return hx;
  }
}
