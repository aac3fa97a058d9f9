// expect: none
import * as tf from '@tensorflow/tfjs';

export class StreamingRNN {
  state: tf.Tensor2D;
  private readonly W: tf.Variable;
  private readonly U: tf.Variable;

  constructor(inputDim: number, private readonly units: number) {
    this.state = tf.zeros([1, units]);
    this.W = tf.variable(tf.randomNormal([inputDim, units], 0, 0.1));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
  }

  push(frame: tf.Tensor2D): void {
    const old = this.state;
    tf.tidy(() => {
      const pre = tf.matMul(frame, this.W).add(tf.matMul(old, this.U));
      this.state = tf.keep(tf.tanh(pre) as tf.Tensor2D);
    });
    old.dispose();
  }
}
