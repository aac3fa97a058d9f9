// expect: none
// Padded-batch RNN encoder with an injectable cell: masks keep finished rows frozen, outputs are mean-pooled.
import * as tf from '@tensorflow/tfjs';

/** Single-state cell contract used by the encoder. */
export interface MaskableCell {
  readonly units: number;
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
}

export interface EncodeResult {
  /** Final state of every row, taken at its own last valid step. [batch, units] */
  last: tf.Tensor2D;
  /** Mean of the valid per-step states. [batch, units] */
  pooled: tf.Tensor2D;
}

/**
 * Applies one step only where `mask` is 1; rows with mask 0 keep their previous state.
 * @param mask [batch, 1] of 0/1
 */
export function maskedStep(cell: MaskableCell, x: tf.Tensor2D, h: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const candidate = cell.step(x, h);
  return candidate.mul(mask).add(h.mul(tf.sub(1, mask))) as tf.Tensor2D;
}

/** Builds a [batch, time] 0/1 mask from sequence lengths. */
export function lengthMask(lengths: number[], time: number): tf.Tensor2D {
  return tf.tidy(() => {
    const steps = tf.range(0, time).expandDims(0);
    const lens = tf.tensor1d(lengths).expandDims(1);
    return tf.less(steps, lens).toFloat() as tf.Tensor2D;
  });
}

/**
 * Encodes a right-padded batch [batch, time, features].
 * The mask is computed once and sliced per step.
 */
export function encodePadded(cell: MaskableCell, inputs: tf.Tensor3D, lengths: number[]): EncodeResult {
  const [batch, time] = inputs.shape;
  if (lengths.length !== batch) {
    throw new Error(`encodePadded: got ${lengths.length} lengths for batch of ${batch}`);
  }
  return tf.tidy(() => {
    const mask = lengthMask(lengths, time);
    const xs = tf.unstack(inputs, 1) as tf.Tensor2D[];
    const ms = tf.unstack(mask, 1).map(m => m.expandDims(1) as tf.Tensor2D);
    let h: tf.Tensor2D = tf.zeros([batch, cell.units]);
    let sum: tf.Tensor2D = tf.zeros([batch, cell.units]);
    xs.forEach((x, t) => {
      h = maskedStep(cell, x, h, ms[t]);
      sum = sum.add(h.mul(ms[t]));
    });
    const counts = tf.tensor2d(lengths.map(l => [Math.max(l, 1)]));
    return { last: h, pooled: sum.div(counts) as tf.Tensor2D };
  });
}

/** Simple tanh cell for tests and demos. */
export class TanhCell implements MaskableCell {
  private readonly w: tf.Variable;
  private readonly u: tf.Variable;
  private readonly b: tf.Variable;

  constructor(inputSize: number, readonly units: number, seed = 21) {
    this.w = tf.variable(tf.randomNormal([inputSize, units], 0, 0.5, 'float32', seed));
    this.u = tf.variable(tf.randomNormal([units, units], 0, 0.5, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([units]));
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.w).add(h.matMul(this.u)).add(this.b));
  }
}
