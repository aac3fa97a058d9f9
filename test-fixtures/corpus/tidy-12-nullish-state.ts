// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export class Decoder {
  private h: tf.Tensor | null = null;

  constructor(private readonly cell: tf.layers.RNNCell, private readonly units: number) {}

  feed(x: tf.Tensor2D): void {
    tf.tidy(() => {
      const prev = this.h ?? tf.zeros([1, this.units]);
      this.h = (this.cell.call([x, prev], {}) as tf.Tensor[])[1];
    });
  }
}
