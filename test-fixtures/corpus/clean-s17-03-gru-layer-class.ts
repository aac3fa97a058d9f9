// expect: none
// Small class hierarchy for recurrent cells; this is the GRU we use for the sensor forecasting prototype.
import * as tf from '@tensorflow/tfjs';

export abstract class RecurrentCell {
  constructor(
    public readonly inputSize: number,
    public readonly units: number,
  ) {}

  protected weight(shape: number[], seed: number): tf.Variable {
    return tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(shape[0]), 'float32', seed));
  }

  abstract step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;

  zeroState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }

  unroll(xs: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
      let h = this.zeroState(xs.shape[0]);
      for (const x of steps) {
        h = this.step(x, h);
      }
      return h;
    });
  }
}

export class GRUCell extends RecurrentCell {
  private wz: tf.Variable;
  private uz: tf.Variable;
  private wr: tf.Variable;
  private ur: tf.Variable;
  private wn: tf.Variable;
  private un: tf.Variable;

  constructor(inputSize: number, units: number, seed = 1) {
    super(inputSize, units);
    this.wz = this.weight([inputSize, units], seed);
    this.uz = this.weight([units, units], seed + 1);
    this.wr = this.weight([inputSize, units], seed + 2);
    this.ur = this.weight([units, units], seed + 3);
    this.wn = this.weight([inputSize, units], seed + 4);
    this.un = this.weight([units, units], seed + 5);
  }

  override step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const z = tf.sigmoid(tf.matMul(x, this.wz).add(tf.matMul(h, this.uz)));
    const r = tf.sigmoid(tf.matMul(x, this.wr).add(tf.matMul(h, this.ur)));
    const n = tf.tanh(tf.matMul(x, this.wn).add(r.mul(tf.matMul(h, this.un))));
    const keep = z.mul(h);
    const update = tf.scalar(1).sub(z).mul(n);
    return keep.add(update) as tf.Tensor2D;
  }
}

export class Forecaster {
  private readonly cell: GRUCell;
  private readonly head: tf.Variable;

  constructor(features: number, units: number) {
    this.cell = new GRUCell(features, units);
    this.head = tf.variable(tf.randomNormal([units, 1], 0, 0.1, 'float32', 99));
  }

  predict(window: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => tf.matMul(this.cell.unroll(window), this.head));
  }
}

export function demo(): void {
  const f = new Forecaster(3, 16);
  const window = tf.randomUniform([4, 10, 3], 0, 1, 'float32', 5) as tf.Tensor3D;
  f.predict(window).print();
}
