// expect: bptt-cut
// Backend-agnostic recurrent trainer: cells exchange plain-array states so they can be swapped or serialized.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'events';

/** JSON-friendly state snapshot, [batch][units]. */
export type PortableState = number[][];

export interface PortableCell {
  readonly units: number;
  initial(batch: number): PortableState;
  step(x: tf.Tensor2D, state: PortableState): { y: tf.Tensor2D; state: PortableState };
  variables(): tf.Variable[];
}

export interface Batch {
  xs: tf.Tensor3D;
  ys: tf.Tensor2D;
}

export interface TrainOptions {
  learningRate?: number;
}

export class TanhPortableCell implements PortableCell {
  private readonly w: tf.Variable;
  private readonly u: tf.Variable;
  private readonly b: tf.Variable;

  constructor(inputSize: number, readonly units: number, seed = 6) {
    this.w = tf.variable(tf.randomNormal([inputSize, units], 0, 0.4, 'float32', seed));
    this.u = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([units]));
  }

  initial(batch: number): PortableState {
    return Array.from({ length: batch }, () => new Array<number>(this.units).fill(0));
  }

  step(x: tf.Tensor2D, state: PortableState): { y: tf.Tensor2D; state: PortableState } {
    const h = tf.tensor2d(state, [state.length, this.units]);
    const y = tf.tanh(x.matMul(this.w).add(h.matMul(this.u)).add(this.b)) as tf.Tensor2D;
    return { y, state: y.arraySync() };
  }

  variables(): tf.Variable[] {
    return [this.w, this.u, this.b];
  }
}

/**
 * Trains a cell + linear readout on a stream of batches (many-to-one regression).
 * Emits 'batch' ({ index, loss }) and 'end' ({ batches }).
 */
export class PortableTrainer extends EventEmitter {
  readonly readout: tf.Variable;

  constructor(private readonly cell: PortableCell, outputs: number, seed = 60) {
    super();
    this.readout = tf.variable(tf.randomNormal([cell.units, outputs], 0, 0.4, 'float32', seed));
  }

  private lossFor({ xs, ys }: Batch): tf.Scalar {
    let state = this.cell.initial(xs.shape[0]);
    let last: tf.Tensor2D | null = null;
    for (const xt of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      const out = this.cell.step(xt, state);
      state = out.state;
      last = out.y;
    }
    if (!last) throw new Error('empty sequence batch');
    return tf.losses.meanSquaredError(ys, last.matMul(this.readout)) as tf.Scalar;
  }

  async train(batches: AsyncIterable<Batch> | Iterable<Batch>, options: TrainOptions = {}): Promise<number[]> {
    const optimizer = tf.train.sgd(options.learningRate ?? 0.1);
    const losses: number[] = [];
    let index = 0;
    for await (const batch of batches) {
      const loss = optimizer.minimize(() => this.lossFor(batch), true,
        [...this.cell.variables(), this.readout]);
      const value = loss ? (await loss.data())[0] : NaN;
      loss?.dispose();
      losses.push(value);
      this.emit('batch', { index: index++, loss: value });
    }
    optimizer.dispose();
    this.emit('end', { batches: index });
    return losses;
  }
}
