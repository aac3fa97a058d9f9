// expect: tidy-disposed-state
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

  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.units]);
  }

  push(frame: tf.Tensor2D): void {
    tf.tidy(() => {
      const pre = tf.matMul(frame, this.W).add(tf.matMul(this.state, this.U));
      this.state = tf.tanh(pre) as tf.Tensor2D;
    });
  }
}
