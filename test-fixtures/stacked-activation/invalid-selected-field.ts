// The candidate's activation is a function the constructor picks from a table by an option: every
// block the file builds gets `relu`, applied to a candidate that is already `tanh`.
import * as tf from '@tensorflow/tfjs';

type ActivationName = 'tanh' | 'relu' | 'linear';

const ACTIVATIONS: Record<ActivationName, (t: tf.Tensor2D) => tf.Tensor2D> = {
  tanh: (t) => tf.tanh(t),
  relu: (t) => tf.relu(t),
  linear: (t) => t,
};

export class Block {
  private readonly W = tf.randomNormal([4, 8]) as tf.Tensor2D;
  private readonly U = tf.randomNormal([8, 8]) as tf.Tensor2D;
  private readonly act: (t: tf.Tensor2D) => tf.Tensor2D;

  constructor(opts: { activation?: ActivationName } = {}) {
    this.act = ACTIVATIONS[opts.activation ?? 'tanh'];
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const n = tf.tanh(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U))) as tf.Tensor2D;
    return this.act(n);
//         ~~~~~~~~~~~ stacked-activation
  }
}

export const block = new Block({ activation: 'relu' });
