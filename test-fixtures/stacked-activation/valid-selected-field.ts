// A constructor-picked activation that stacks on nothing: linear over a tanh candidate, a choice
// that differs between the blocks the file builds (not known here), and one applied to a
// pre-activation.
import * as tf from '@tensorflow/tfjs';

type ActivationName = 'tanh' | 'relu' | 'linear';

const ACTIVATIONS: Record<ActivationName, (t: tf.Tensor2D) => tf.Tensor2D> = {
  tanh: (t) => tf.tanh(t),
  relu: (t) => tf.relu(t),
  linear: (t) => t,
};

export class Linear {
  private readonly act: (t: tf.Tensor2D) => tf.Tensor2D;
  constructor(opts: { activation?: ActivationName } = {}) {
    this.act = ACTIVATIONS[opts.activation ?? 'linear'];
  }
  step(pre: tf.Tensor2D): tf.Tensor2D {
    return this.act(tf.tanh(pre) as tf.Tensor2D);
  }
}

export class Mixed {
  private readonly act: (t: tf.Tensor2D) => tf.Tensor2D;
  constructor(opts: { activation?: ActivationName } = {}) {
    this.act = ACTIVATIONS[opts.activation ?? 'tanh'];
  }
  step(pre: tf.Tensor2D): tf.Tensor2D {
    return this.act(tf.tanh(pre) as tf.Tensor2D);
  }
}

export class OnPre {
  private readonly W = tf.randomNormal([4, 8]) as tf.Tensor2D;
  private readonly act: (t: tf.Tensor2D) => tf.Tensor2D;
  constructor(opts: { activation?: ActivationName } = {}) {
    this.act = ACTIVATIONS[opts.activation ?? 'tanh'];
  }
  step(x: tf.Tensor2D): tf.Tensor2D {
    return this.act(tf.matMul(x, this.W));
  }
}

export const blocks = [new Linear(), new Mixed({ activation: 'relu' }), new Mixed({ activation: 'linear' }), new OnPre({ activation: 'relu' })];
