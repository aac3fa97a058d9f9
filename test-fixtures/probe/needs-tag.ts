// The constructor takes an activation name the probe cannot guess: the message says what to add.
import * as tf from '@tensorflow/tfjs';

export class ConfigurableCell {
  private W: tf.Tensor2D;
  private U: tf.Tensor2D;
  constructor(
    readonly units: number,
    readonly activation: 'tanh' | 'relu',
  ) {
    this.W = tf.randomNormal([3, units]);
    this.U = tf.randomNormal([units, units]);
  }
  forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const z = tf.matMul(x, this.W).add(tf.matMul(h, this.U));
    return (this.activation === 'tanh' ? tf.tanh(z) : tf.relu(z)) as tf.Tensor2D;
  }
}
