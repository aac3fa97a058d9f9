// expect: none
import * as tf from '@tensorflow/tfjs';

export class Decoder {
  private h: tf.Tensor | null = null;

  constructor(private readonly cell: tf.layers.RNNCell, private readonly units: number) {}

  feed(x: tf.Tensor2D): void {
    const prev = this.h;
    this.h = tf.tidy(() => (this.cell.call([x, prev ?? tf.zeros([1, this.units])], {}) as tf.Tensor[])[1]);
    prev?.dispose();
  }
}
