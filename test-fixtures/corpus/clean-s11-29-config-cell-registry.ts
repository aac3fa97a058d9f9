// expect: none
// Config-driven RNN stack for the churn experiments: cells are registered by name and built from a JSON spec.
import * as tf from '@tensorflow/tfjs';

export interface CellConfig {
  type: string;
  units: number;
}

export abstract class Cell {
  constructor(readonly inputDim: number, readonly units: number, protected readonly seed: number) {}

  protected weight(rows: number, cols: number, k: number): tf.Variable {
    return tf.variable(tf.randomNormal([rows, cols], 0, 0.3, 'float32', this.seed + k));
  }

  zero(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.units]);
  }

  /** Returns [output, newState]. */
  abstract call(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D];
}

type CellCtor = new (inputDim: number, units: number, seed: number) => Cell;
const REGISTRY = new Map<string, CellCtor>();

export function register(name: string, ctor: CellCtor): void {
  REGISTRY.set(name, ctor);
}

export class ElmanCell extends Cell {
  protected readonly W = this.weight(this.inputDim, this.units, 0);
  protected readonly U = this.weight(this.units, this.units, 1);

  override call(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const hNew = tf.tanh(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U))) as tf.Tensor2D;
    return [hNew, hNew];
  }
}

export class ResidualElmanCell extends ElmanCell {
  private readonly P = this.weight(this.inputDim, this.units, 2);

  override call(x: tf.Tensor2D, h: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
    const [core, hNew] = super.call(x, h);
    const out = tf.add(core, tf.matMul(x, this.P)) as tf.Tensor2D;
    return [out, hNew];
  }
}

register('elman', ElmanCell);
register('residual', ResidualElmanCell);

export class Stack {
  readonly cells: Cell[] = [];

  constructor(inputDim: number, spec: CellConfig[]) {
    let dim = inputDim;
    spec.forEach((cfg, i) => {
      const Ctor = REGISTRY.get(cfg.type);
      if (!Ctor) throw new Error(`unknown cell ${cfg.type}`);
      this.cells.push(new Ctor(dim, cfg.units, 100 * (i + 1)));
      dim = cfg.units;
    });
  }

  /** xs: [batch, time, features]; every call starts from zero states. */
  run(xs: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      const batch = xs.shape[0];
      const states = this.cells.map((c) => c.zero(batch));
      let top: tf.Tensor2D = tf.zeros([batch, 1]);
      for (const xt of tf.unstack(xs, 1) as tf.Tensor2D[]) {
        let input = xt;
        this.cells.forEach((cell, i) => {
          const [out, next] = cell.call(input, states[i]);
          states[i] = next;
          input = out;
        });
        top = input;
      }
      return top;
    });
  }
}

if (require.main === module) {
  const stack = new Stack(3, [{ type: 'residual', units: 6 }, { type: 'elman', units: 4 }]);
  const xs = tf.randomNormal([2, 7, 3], 0, 1, 'float32', 3) as tf.Tensor3D;
  stack.run(xs).print();
}
