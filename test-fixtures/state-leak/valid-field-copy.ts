// A leaky echo-state reservoir used as a feature extractor for short signals: every signal starts
// from the resting state.
import * as tf from '@tensorflow/tfjs';

const N = 32;
const leak = 0.2;

export class Reservoir {
  x: tf.Tensor2D = tf.zeros([1, N]);

  constructor(readonly Win: tf.Tensor2D, readonly W: tf.Tensor2D) {}

  features(u: number[]): tf.Tensor {
    this.x = tf.zeros([1, N]);
    const X: tf.Tensor2D[] = [];
    for (const ut of u) {
      const x = this.x;
      this.x = tf.tidy(() => x.mul(1 - leak).add(tf.tanh(tf.matMul(tf.tensor2d([[ut]]), this.Win).add(tf.matMul(x, this.W))).mul(leak)));
      X.push(this.x);
    }
    return tf.stack(X).square().mean(0);
  }
}
