// Subclasses that replace the base's reset and still start each sequence from a fresh state.
import * as tf from '@tensorflow/tfjs';

export class RecurrentPolicy {
  protected h: tf.Tensor2D;
  constructor(protected readonly W: tf.Tensor2D, protected readonly U: tf.Tensor2D) {
    this.h = tf.zeros([1, U.shape[0]]);
  }

  reset(): void {
    this.h = tf.zeros([1, this.U.shape[0]]);
  }

  protected clearState(): void {
    this.h = tf.zeros([1, this.U.shape[0]]);
  }

  advance(x: tf.Tensor2D): tf.Tensor2D {
    this.h = tf.tanh(x.matMul(this.W).add(this.h.matMul(this.U)));
    return this.h;
  }
}

// Calls the base's reset.
export class MemoryPolicy extends RecurrentPolicy {
  private recent: tf.Tensor2D[] = [];
  override reset(): void {
    super.reset();
    this.recent = [];
  }
}

// Resets the state itself, to a learned initial state.
export class LearnedInitPolicy extends RecurrentPolicy {
  private readonly h0 = tf.variable(tf.zeros([1, 4]));
  override reset(): void {
    this.h = this.h0.clone() as tf.Tensor2D;
  }
}

// Resets through another method of the family.
export class CountingPolicy extends RecurrentPolicy {
  private steps = 0;
  override reset(): void {
    this.steps = 0;
    this.clearState();
  }
}

// Stateless: its own advance never reads or keeps `h`, so the base's reset has nothing to clear.
export class FeedForwardPolicy extends RecurrentPolicy {
  private calls = 0;
  override reset(): void {
    this.calls = 0;
  }
  override advance(x: tf.Tensor2D): tf.Tensor2D {
    this.calls++;
    return tf.tanh(x.matMul(this.W)) as tf.Tensor2D;
  }
}
