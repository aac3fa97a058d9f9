// Agents that keep the new state in another field on purpose, and carry it: a commit step copies
// it back, a destructuring updates the state field elsewhere, or the method itself stores both.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8]));
const Wh = tf.variable(tf.randomNormal([8, 8]));

function cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh))) as tf.Tensor2D;
}

function lstmish(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const next = cell(x, h);
  return [next, next];
}

// Speculative step: the proposal is kept apart until the caller accepts it.
export class Speculative {
  private hidden: tf.Tensor2D = tf.zeros([1, 8]);
  private proposal?: tf.Tensor2D;
  propose(x: tf.Tensor2D): tf.Tensor2D {
    this.proposal = cell(x, this.hidden);
    return this.proposal;
  }
  commit(): void {
    if (this.proposal) this.hidden = this.proposal;
  }
}

export class Destructured {
  private hidden: tf.Tensor2D = tf.zeros([1, 8]);
  private output: tf.Tensor2D = tf.zeros([1, 8]);
  predict(x: tf.Tensor2D): tf.Tensor2D {
    this.output = cell(x, this.hidden);
    return this.output;
  }
  advance(x: tf.Tensor2D): void {
    [, this.hidden] = lstmish(x, this.hidden);
  }
}

export class BothStored {
  private hidden: tf.Tensor2D = tf.zeros([1, 8]);
  private last: tf.Tensor2D = tf.zeros([1, 8]);
  observe(x: tf.Tensor2D): tf.Tensor2D {
    const h = cell(x, this.hidden);
    this.last = h;
    this.hidden = h;
    return h;
  }
}
