// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export class LSTMRunner {
  private h: tf.Tensor;
  private c: tf.Tensor;

  constructor(private readonly cell: tf.layers.RNNCell, units: number) {
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  push(x: tf.Tensor2D): void {
    tf.tidy(() => {
      [this.h, this.c] = (this.cell.call([x, this.h, this.c], {}) as tf.Tensor[]).slice(1);
    });
  }
}
