// expect: none
import * as tf from '@tensorflow/tfjs';

type Cell = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

export class OnlineDetector {
  private hidden: tf.Tensor2D;

  constructor(private readonly cell: Cell, private readonly head: tf.LayersModel, units: number) {
    this.hidden = tf.zeros([1, units]);
  }

  update(sample: number[]): number {
    const prev = this.hidden;
    const score = tf.tidy(() => {
      const x = tf.tensor2d([sample]);
      const next = this.cell(x, prev);
      this.hidden = tf.keep(next);
      const out = this.head.predict(next) as tf.Tensor;
      return out.dataSync()[0];
    });
    prev.dispose();
    return score;
  }

  reset(units: number): void {
    this.hidden.dispose();
    this.hidden = tf.zeros([1, units]);
  }
}
