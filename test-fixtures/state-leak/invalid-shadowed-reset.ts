// Recurrent policies: the base keeps a hidden state, a subclass adds a short memory of its own.
import * as tf from '@tensorflow/tfjs';

export class RecurrentPolicy {
  protected h: tf.Tensor2D;
  constructor(protected readonly W: tf.Tensor2D, protected readonly U: tf.Tensor2D) {
    this.h = tf.zeros([1, U.shape[0]]);
  }

  reset(): void {
    this.h = tf.zeros([1, this.U.shape[0]]);
  }

  advance(x: tf.Tensor2D): tf.Tensor2D {
    this.h = tf.tanh(x.matMul(this.W).add(this.h.matMul(this.U)));
    return this.h;
  }
}

export class MemoryPolicy extends RecurrentPolicy {
  private recent: tf.Tensor2D[] = [];

  override reset(): void {
  //       ~~~~~ state-leak
    this.recent = [];
  }

  act(x: tf.Tensor2D): tf.Tensor2D {
    const h = this.advance(x);
    this.recent.push(h);
    return tf.addN(this.recent).div(this.recent.length);
  }
}
