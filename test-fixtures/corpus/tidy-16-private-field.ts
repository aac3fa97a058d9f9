// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export class Listener {
  #h: tf.Tensor;
  readonly #cell: tf.layers.RNNCell;

  constructor(cell: tf.layers.RNNCell, units: number) {
    this.#cell = cell;
    this.#h = tf.zeros([1, units]);
  }

  onFrame(frame: tf.Tensor2D): void {
    tf.tidy(() => {
      this.#h = (this.#cell.call([frame, this.#h], {}) as tf.Tensor[])[1];
    });
  }

  get state(): tf.Tensor {
    return this.#h;
  }
}
