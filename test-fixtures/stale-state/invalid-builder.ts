// A fluent runner: the cell and the start state are set by chained calls, and run() feeds the
// start state to every step while the new state only goes to `last`. The per-step callback kept
// in a field cannot update the state.
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

  withState(h0: tf.Tensor2D): this {
    this.state = h0;
    return this;
  }

  tap(fn: (t: number, y: tf.Tensor2D) => void): this {
    this.onStep = fn;
    return this;
  }

  run(xs: tf.Tensor2D[]): tf.Tensor2D | undefined {
    const cell = this.cell!;
    let last = this.state;
    xs.forEach((x, t) => {
      const [y, h] = cell(x, this.state!);
//                           ~~~~~~~~~~ stale-state
      last = h;
      if (this.onStep) this.onStep(t, y);
    });
    return last;
  }
}
