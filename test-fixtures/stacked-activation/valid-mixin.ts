// A mixin applied to two bases whose `distribution` differs: which one runs is not known in the mixin.
import * as tf from '@tensorflow/tfjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor<T> = new (...args: any[]) => T;

export class Agent {
  protected distribution(scores: tf.Tensor): tf.Tensor {
    return scores;
  }
}

export class SoftAgent extends Agent {
  protected override distribution(scores: tf.Tensor): tf.Tensor {
    return tf.softmax(scores);
  }
}

export function WithHead<TBase extends Ctor<Agent>>(Base: TBase) {
  return class extends Base {
    readonly W = tf.randomNormal<tf.Rank.R2>([8, 4]);
    probs(x: tf.Tensor2D): tf.Tensor {
      return tf.softmax(this.distribution(tf.tanh(x).matMul(this.W)));
    }
  };
}

export class Plain extends WithHead(Agent) {}
export class Soft extends WithHead(SoftAgent) {}

// A linear head under one softmax, through the mixin.
export class Linear extends WithHead(Agent) {
  logits(x: tf.Tensor2D): tf.Tensor {
    return this.distribution(x.matMul(this.W));
  }
  scores(x: tf.Tensor2D): tf.Tensor {
    return tf.softmax(this.logits(x));
  }
}
