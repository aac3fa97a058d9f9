// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export class Reader {
  private readonly cell = tf.layers.lstmCell({ units: 10 });
  private readonly h0 = tf.zeros([1, 10]);
  private readonly c0 = tf.zeros([1, 10]);

  constructor() {
    this.cell.build([null, 6]);
  }

  read(tokens: tf.Tensor2D[]): tf.Tensor[] {
    const outs: tf.Tensor[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const [out] = this.cell.call([tokens[i], this.h0, this.c0], {}) as tf.Tensor[];
      outs.push(out);
    }
    return outs;
  }
}
