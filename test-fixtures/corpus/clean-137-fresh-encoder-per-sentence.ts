// expect: none
// encode() advances this.h without resetting it, but every sentence gets its own encoder
// instance, so every sentence starts from the constructor's zero state.
import * as tf from '@tensorflow/tfjs';

class OneShotEncoder {
  private h: tf.Tensor;

  constructor(private readonly cell: tf.layers.RNNCell, units: number) {
    this.h = tf.zeros([1, units]);
  }

  encode(sentence: tf.Tensor2D[]): tf.Tensor {
    for (const word of sentence) {
      [, this.h] = this.cell.call([word, this.h], {}) as tf.Tensor[];
    }
    return this.h;
  }
}

export function encodeAll(cell: tf.layers.RNNCell, sentences: tf.Tensor2D[][], units: number): tf.Tensor[] {
  return sentences.map((s) => new OneShotEncoder(cell, units).encode(s));
}
