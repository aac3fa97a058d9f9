// expect: unused-hidden-state
// Elman-style cells for the vibration monitor; the layer-norm variant keeps long traces from blowing up.
import * as tf from '@tensorflow/tfjs';

export interface CellState {
  h: tf.Tensor2D;
}

export abstract class RecurrentCell {
  protected readonly W: tf.Variable;
  protected readonly U: tf.Variable;
  protected readonly b: tf.Variable;

  constructor(readonly inputDim: number, readonly units: number, seed = 3) {
    this.W = tf.variable(tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed));
    this.U = tf.variable(tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([units]));
  }

  initialState(batch: number): CellState {
    return { h: tf.zeros([batch, this.units]) };
  }

  protected inputTerm(x: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(x, this.W);
  }

  protected recurrentTerm(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.U);
  }

  /** Combines the input and recurrent projections before the nonlinearity. */
  protected mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.add(xs, hs), this.b);
  }

  step(x: tf.Tensor2D, state: CellState): CellState {
    const pre = this.mix(this.inputTerm(x), this.recurrentTerm(state.h));
    return { h: tf.tanh(pre) };
  }
}

export class ElmanCell extends RecurrentCell {}

export class LayerNormElmanCell extends RecurrentCell {
  private readonly gain: tf.Variable;
  private readonly eps = 1e-5;

  constructor(inputDim: number, units: number, seed = 3) {
    super(inputDim, units, seed);
    this.gain = tf.variable(tf.ones([units]));
  }

  private normalize(v: tf.Tensor2D): tf.Tensor2D {
    const { mean, variance } = tf.moments(v, -1, true);
    return tf.div(tf.sub(v, mean), tf.sqrt(tf.add(variance, this.eps)));
  }

  protected override mix(xs: tf.Tensor2D, hs: tf.Tensor2D): tf.Tensor2D {
    const normed = this.normalize(xs);
    return tf.add(tf.mul(normed, this.gain), this.b);
  }
}

export function runTrace(cell: RecurrentCell, trace: tf.Tensor3D): tf.Tensor2D[] {
  const [batch, steps] = trace.shape;
  const frames = tf.unstack(trace, 1) as tf.Tensor2D[];
  let state = cell.initialState(batch);
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < steps; t++) {
    state = cell.step(frames[t], state);
    hs.push(state.h);
  }
  return hs;
}

if (require.main === module) {
  const cell = new LayerNormElmanCell(5, 8);
  const trace = tf.randomNormal([1, 10, 5], 0, 1, 'float32', 42) as tf.Tensor3D;
  const hs = runTrace(cell, trace);
  hs[hs.length - 1].print();
}
