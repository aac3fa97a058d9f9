// expect: unused-hidden-state
// Jest spec for a layer-normalised RNN cell used in the course notebooks, plus the cell itself.
// @ts-nocheck
import * as tf from '@tensorflow/tfjs';

export class NormRnnCell {
  readonly stateSize: number;
  private kernel: tf.Variable;
  private recurrentKernel: tf.Variable;
  private gain: tf.Variable;
  private bias: tf.Variable;

  constructor(inputDim: number, readonly units: number, seed = 0) {
    this.stateSize = units;
    const glorot = tf.initializers.glorotUniform({ seed });
    this.kernel = tf.variable(glorot.apply([inputDim, units]));
    this.recurrentKernel = tf.variable(tf.initializers.orthogonal({ seed: seed + 1 }).apply([units, units]));
    this.gain = tf.variable(tf.ones([units]));
    this.bias = tf.variable(tf.zeros([units]));
  }

  private layerNorm(x: tf.Tensor2D): tf.Tensor2D {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(this.gain) as tf.Tensor2D;
  }

  call(inputs: tf.Tensor2D, states: tf.Tensor2D[]): [tf.Tensor2D, tf.Tensor2D[]] {
    return tf.tidy(() => {
      let h = states[0];
      h = this.layerNorm(inputs.matMul(this.kernel));
      const next = tf.tanh(h.add(h.matMul(this.recurrentKernel)).add(this.bias)) as tf.Tensor2D;
      return [next, [next]] as [tf.Tensor2D, tf.Tensor2D[]];
    });
  }

  getInitialState(batch: number): tf.Tensor2D[] {
    return [tf.zeros([batch, this.units])];
  }
}

function unroll(cell: NormRnnCell, xs: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    let states = cell.getInitialState(xs.shape[0]);
    const outs: tf.Tensor2D[] = [];
    for (const xt of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      const [y, nextStates] = cell.call(xt, states);
      outs.push(y);
      states = nextStates;
    }
    return tf.stack(outs, 1) as tf.Tensor3D;
  });
}

describe('NormRnnCell', () => {
  afterEach(() => tf.disposeVariables());

  it('produces [batch, units] outputs and states', () => {
    const cell = new NormRnnCell(3, 6);
    const [y, [h]] = cell.call(tf.ones([2, 3]), cell.getInitialState(2));
    expect(y.shape).toEqual([2, 6]);
    expect(h.shape).toEqual([2, 6]);
  });

  it('keeps activations inside (-1, 1)', () => {
    const cell = new NormRnnCell(3, 6, 4);
    const ys = unroll(cell, tf.randomNormal([4, 15, 3], 0, 5) as tf.Tensor3D);
    const [lo, hi] = [ys.min().dataSync()[0], ys.max().dataSync()[0]];
    expect(lo).toBeGreaterThan(-1);
    expect(hi).toBeLessThan(1);
  });

  it('is deterministic for a fixed seed', () => {
    const xs = tf.randomNormal([1, 8, 3], 0, 1, 'float32', 3) as tf.Tensor3D;
    const a = unroll(new NormRnnCell(3, 6, 9), xs);
    const b = unroll(new NormRnnCell(3, 6, 9), xs);
    expect(a.sub(b).abs().max().dataSync()[0]).toBeLessThan(1e-6);
  });

  it('unrolled output length matches the time dimension', () => {
    const cell = new NormRnnCell(2, 4);
    const ys = unroll(cell, tf.zeros([3, 11, 2]) as tf.Tensor3D);
    expect(ys.shape).toEqual([3, 11, 4]);
  });
});
