// expect: tidy-disposed-state
// prime() sets and advances this.h inside tf.tidy (through a helper method the callback calls), so
// every tensor this.h ever pointed to is disposed when the tidy returns; next() reads it later.
// Same shape as a real bug in ml5 KMeans (load() in a tidy, classify() later).
import * as tf from '@tensorflow/tfjs';

export class PrimedGenerator {
  private h!: tf.Tensor;

  constructor(
    private readonly cell: tf.layers.RNNCell,
    private readonly readout: tf.layers.Layer,
    private readonly units: number,
  ) {}

  prime(prefix: tf.Tensor2D[]): void {
    tf.tidy(() => {
      this.h = tf.zeros([1, this.units]);
      this.consume(prefix);
    });
  }

  private consume(prefix: tf.Tensor2D[]): void {
    for (const x of prefix) {
      [, this.h] = this.cell.call([x, this.h], {}) as tf.Tensor[];
    }
  }

  next(): number {
    return tf.tidy(() => (this.readout.apply(this.h) as tf.Tensor).argMax(-1).dataSync()[0]);
  }
}
