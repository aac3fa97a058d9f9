// expect: none
import * as tf from '@tensorflow/tfjs';

export class DocEncoder {
  private h: tf.Tensor;

  constructor(private readonly cell: tf.layers.RNNCell, private readonly units: number) {
    this.h = tf.zeros([1, units]);
  }

  begin(): void {
    this.h = tf.zeros([1, this.units]);
  }

  feedToken(tok: tf.Tensor2D): void {
    [, this.h] = this.cell.call([tok, this.h], {}) as tf.Tensor[];
  }

  get state(): tf.Tensor {
    return this.h;
  }
}

export function encodeDocs(enc: DocEncoder, docs: tf.Tensor2D[][]): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  for (const doc of docs) {
    enc.begin();
    for (const tok of doc) enc.feedToken(tok);
    out.push(enc.state);
  }
  return out;
}
