// A policy built from a base agent and a recurrent-memory mixin.
import * as tf from '@tensorflow/tfjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor<T> = new (...args: any[]) => T;

export class Agent {
  protected distribution(scores: tf.Tensor): tf.Tensor {
    return tf.softmax(scores);
  }
}

export function WithMemory<TBase extends Ctor<Agent>>(Base: TBase) {
  return class extends Base {
    memory: tf.Tensor2D = tf.zeros([1, 8]);
    readonly U = tf.randomNormal<tf.Rank.R2>([8, 8]);
    remember(x: tf.Tensor2D): tf.Tensor2D {
      this.memory = tf.tanh(x.add(this.memory.matMul(this.U)));
      return this.memory;
    }
  };
}

export class RecurrentAgent extends WithMemory(Agent) {
  readonly W = tf.randomNormal<tf.Rank.R2>([8, 4]);
  probs(x: tf.Tensor2D): tf.Tensor {
    return tf.softmax(this.distribution(this.remember(x).matMul(this.W)));
    //     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
  }
}
