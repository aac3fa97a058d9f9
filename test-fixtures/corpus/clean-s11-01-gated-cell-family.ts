// expect: none
// Gated cell family for the demand forecaster: GatedCellBase owns the blending step, GRUCell supplies the gates.
import * as tf from '@tensorflow/tfjs';

export interface GateSet {
  update: tf.Tensor2D;
  candidate: tf.Tensor2D;
}

export abstract class GatedCellBase {
  constructor(readonly inputDim: number, readonly units: number) {}

  protected dense(shape: [number, number], seed: number): tf.Variable {
    return tf.variable(tf.randomUniform(shape, -0.2, 0.2, 'float32', seed));
  }

  protected abstract computeGates(x: tf.Tensor2D, h: tf.Tensor2D): GateSet;

  /** Convex blend between the previous state and the proposal. */
  protected blend(h: tf.Tensor2D, g: GateSet): tf.Tensor2D {
    const keep = tf.mul(tf.sub(1, g.update), h);
    const write = tf.mul(g.update, g.candidate);
    return tf.add(keep, write);
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const gates = this.computeGates(x, h);
    return this.blend(h, gates);
  }

  zeroState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }
}

export class GRUCell extends GatedCellBase {
  private readonly Wz: tf.Variable;
  private readonly Uz: tf.Variable;
  private readonly Wr: tf.Variable;
  private readonly Ur: tf.Variable;
  private readonly Wh: tf.Variable;
  private readonly Uh: tf.Variable;

  constructor(inputDim: number, units: number) {
    super(inputDim, units);
    this.Wz = this.dense([inputDim, units], 1);
    this.Uz = this.dense([units, units], 2);
    this.Wr = this.dense([inputDim, units], 3);
    this.Ur = this.dense([units, units], 4);
    this.Wh = this.dense([inputDim, units], 5);
    this.Uh = this.dense([units, units], 6);
  }

  protected override computeGates(x: tf.Tensor2D, h: tf.Tensor2D): GateSet {
    const z = tf.sigmoid(tf.add(tf.matMul(x, this.Wz), tf.matMul(h, this.Uz))) as tf.Tensor2D;
    const r = tf.sigmoid(tf.add(tf.matMul(x, this.Wr), tf.matMul(h, this.Ur))) as tf.Tensor2D;
    const resetH = tf.mul(r, h) as tf.Tensor2D;
    const cand = tf.tanh(tf.add(tf.matMul(x, this.Wh), tf.matMul(resetH, this.Uh))) as tf.Tensor2D;
    return { update: z, candidate: cand };
  }
}

/** Runs the cell over a [batch, time, features] tensor and returns the last state. */
export function encode(cell: GatedCellBase, xs: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const [batch, time] = xs.shape;
    let h = cell.zeroState(batch);
    for (let t = 0; t < time; t++) {
      const xt = xs.slice([0, t, 0], [batch, 1, cell.inputDim]).reshape([batch, cell.inputDim]) as tf.Tensor2D;
      h = cell.step(xt, h);
    }
    return h;
  });
}

if (require.main === module) {
  const cell = new GRUCell(3, 4);
  const xs = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 11) as tf.Tensor3D;
  encode(cell, xs).print();
}
