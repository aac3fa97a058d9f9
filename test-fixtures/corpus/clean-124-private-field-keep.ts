// expect: none
import * as tf from '@tensorflow/tfjs';

export class Listener {
  #h: tf.Tensor;
  readonly #cell: tf.layers.RNNCell;

  constructor(cell: tf.layers.RNNCell, units: number) {
    this.#cell = cell;
    this.#h = tf.zeros([1, units]);
  }

  onFrame(frame: tf.Tensor2D): void {
    const old = this.#h;
    this.#h = tf.tidy(() => (this.#cell.call([frame, old], {}) as tf.Tensor[])[1]);
    old.dispose();
  }

  get state(): tf.Tensor {
    return this.#h;
  }
}
