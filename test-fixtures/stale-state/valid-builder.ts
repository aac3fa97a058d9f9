// Fluent runners that do carry the state: written back in the loop, or through a method of the
// class that writes it.
import * as tf from '@tensorflow/tfjs';

export type Cell = (x: tf.Tensor2D, h: tf.Tensor2D) => [tf.Tensor2D, tf.Tensor2D];

export class Runner {
  private cell?: Cell;
  private state?: tf.Tensor2D;
  private onStep?: (t: number, y: tf.Tensor2D) => void;

  withCell(cell: Cell): this {
    this.cell = cell;
    return this;
  }

  tap(fn: (t: number, y: tf.Tensor2D) => void): this {
    this.onStep = fn;
    return this;
  }

  run(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
    const cell = this.cell!;
    this.state = h0;
    xs.forEach((x, t) => {
      const [y, h] = cell(x, this.state!);
      this.state = h;
      if (this.onStep) this.onStep(t, y);
    });
    return this.state;
  }

  runThrough(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
    const cell = this.cell!;
    this.state = h0;
    for (const x of xs) {
      const [, h] = cell(x, this.state!);
      this.advance(h);
    }
    return this.state;
  }

  private advance(h: tf.Tensor2D): void {
    this.state = h;
  }
}
