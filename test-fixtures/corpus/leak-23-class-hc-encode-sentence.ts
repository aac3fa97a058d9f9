// expect: state-leak
import * as tf from '@tensorflow/tfjs';

export class SentenceLSTM {
  private h: tf.Tensor;
  private c: tf.Tensor;
  private readonly cell: tf.layers.RNNCell;

  constructor(private readonly units: number, inputDim: number) {
    this.cell = tf.layers.lstmCell({ units });
    this.cell.build([null, inputDim]);
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  encodeSentence(tokens: tf.Tensor2D[]): tf.Tensor {
    for (const tok of tokens) {
      [, this.h, this.c] = this.cell.call([tok, this.h, this.c], {}) as tf.Tensor[];
    }
    return this.h;
  }
}

export function encodeCorpus(model: SentenceLSTM, sentences: tf.Tensor2D[][]): tf.Tensor[] {
  return sentences.map((s) => model.encodeSentence(s));
}
