// expect: none
import * as tf from '@tensorflow/tfjs';

export class LSTMRunner {
  private h: tf.Tensor;
  private c: tf.Tensor;

  constructor(private readonly cell: tf.layers.RNNCell, units: number) {
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  push(x: tf.Tensor2D): void {
    const old = [this.h, this.c];
    [this.h, this.c] = tf.tidy(() => (this.cell.call([x, this.h, this.c], {}) as tf.Tensor[]).slice(1));
    tf.dispose(old);
  }
}
