// expect: stale-state
// Small fluent runner used by our sequence-tagging demos: configure a cell and an initial state, then run a sequence.
import * as tf from '@tensorflow/tfjs';

export type Cell = (x: tf.Tensor2D, h: tf.Tensor2D) => [tf.Tensor2D, tf.Tensor2D];

export interface RunResult {
  outputs: tf.Tensor2D[];
  state: tf.Tensor2D;
}

export function simpleCell(inputDim: number, units: number, outDim: number, seed = 1): Cell {
  const W = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
  const V = tf.randomNormal([units, outDim], 0, 0.4, 'float32', seed + 2);
  return (x, h) =>
    tf.tidy(() => {
      const hNext = tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U))) as tf.Tensor2D;
      const y = tf.matMul(hNext, V) as tf.Tensor2D;
      return [y, hNext];
    });
}

export class RnnRunner {
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

  withZeroState(batch: number, units: number): this {
    return this.withState(tf.zeros([batch, units]));
  }

  tap(fn: (t: number, y: tf.Tensor2D) => void): this {
    this.onStep = fn;
    return this;
  }

  run(xs: tf.Tensor2D[]): RunResult {
    const cell = this.cell;
    if (!cell || !this.state) throw new Error('RnnRunner: call withCell() and withState() first');
    const outputs: tf.Tensor2D[] = [];
    let last = this.state;
    xs.forEach((x, t) => {
      const [y, h] = cell(x, this.state as tf.Tensor2D);
      outputs.push(y);
      if (last !== this.state) last.dispose();
      last = h;
      if (this.onStep) this.onStep(t, y);
    });
    return { outputs, state: last };
  }
}

export function tagSequence(xs: tf.Tensor2D[], units = 16): number[][] {
  const inputDim = xs[0].shape[1];
  const result = new RnnRunner()
    .withCell(simpleCell(inputDim, units, 3))
    .withZeroState(xs[0].shape[0], units)
    .run(xs);
  const tags = result.outputs.map((y) => {
    const a = tf.argMax(y, 1);
    const v = Array.from(a.dataSync());
    a.dispose();
    return v;
  });
  tf.dispose([...result.outputs, result.state]);
  return tags;
}
