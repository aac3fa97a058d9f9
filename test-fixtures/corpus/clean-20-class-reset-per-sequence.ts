// expect: none
import * as tf from '@tensorflow/tfjs';

export class SentenceEncoder {
  private h: tf.Tensor2D;
  private readonly wx: tf.Variable;
  private readonly wh: tf.Variable;

  constructor(private readonly dim: number, inputDim: number) {
    this.h = tf.zeros([1, dim]);
    this.wx = tf.variable(tf.randomNormal([inputDim, dim], 0, 0.1));
    this.wh = tf.variable(tf.randomNormal([dim, dim], 0, 0.1));
  }

  private step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.matMul(x, this.wx).add(tf.matMul(h, this.wh))) as tf.Tensor2D;
  }

  encode(sentence: tf.Tensor2D[]): tf.Tensor2D {
    this.h = tf.zeros([1, this.dim]);
    for (const word of sentence) {
      this.h = this.step(word, this.h);
    }
    return this.h;
  }
}
