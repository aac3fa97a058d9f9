// expect: none
// GRU cell on top of a small RecurrentCell base class, plus a scan helper and a classifier head for sensor windows.
import * as tf from '@tensorflow/tfjs';

export type CellOutput = { output: tf.Tensor2D; hidden: tf.Tensor2D };

export abstract class RecurrentCell {
  abstract readonly hiddenSize: number;

  abstract forward(input: tf.Tensor2D, hidden: tf.Tensor2D): CellOutput;

  zeroState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.hiddenSize]);
  }
}

function linear(x: tf.Tensor2D, w: tf.Tensor2D, b?: tf.Tensor1D): tf.Tensor2D {
  const y: tf.Tensor2D = tf.matMul(x, w);
  return b ? (tf.add(y, b) as tf.Tensor2D) : y;
}

function glorot(rows: number, cols: number): tf.Variable<tf.Rank.R2> {
  const limit = Math.sqrt(6 / (rows + cols));
  return tf.variable(tf.randomUniform([rows, cols], -limit, limit));
}

export class GRUCell extends RecurrentCell {
  readonly wx: tf.Variable<tf.Rank.R2>;
  readonly wh: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;

  constructor(readonly inputSize: number, readonly hiddenSize: number) {
    super();
    this.wx = glorot(inputSize, 3 * hiddenSize);
    this.wh = glorot(hiddenSize, 3 * hiddenSize);
    this.b = tf.variable(tf.zeros([3 * hiddenSize]));
  }

  override forward(input: tf.Tensor2D, hidden: tf.Tensor2D): CellOutput {
    return tf.tidy(() => {
      const gx = linear(input, this.wx, this.b);
      const gh = linear(hidden, this.wh);
      const [xz, xr, xn] = tf.split(gx, 3, 1);
      const [hz, hr, hn] = tf.split(gh, 3, 1);
      const z = tf.sigmoid(tf.add(xz, hz));
      const r = tf.sigmoid(tf.add(xr, hr));
      const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
      // h' = (1 - z) * n + z * h
      const h = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, hidden)) as tf.Tensor2D;
      return { output: h, hidden: h };
    });
  }
}

/** Runs a cell over a [batch, time, features] tensor and returns every output plus the last state. */
export function scan(cell: RecurrentCell, xs: tf.Tensor3D, h0?: tf.Tensor2D): CellOutput & { outputs: tf.Tensor3D } {
  return tf.tidy(() => {
    let h = h0 ?? cell.zeroState(xs.shape[0]);
    const outs: tf.Tensor2D[] = [];
    for (const x of tf.unstack(xs, 1) as tf.Tensor2D[]) {
      const step = cell.forward(x, h);
      outs.push(step.output);
      h = step.hidden;
    }
    return { output: outs[outs.length - 1], hidden: h, outputs: tf.stack(outs, 1) as tf.Tensor3D };
  });
}

export class WindowClassifier {
  readonly cell: GRUCell;
  readonly head: tf.Variable<tf.Rank.R2>;

  constructor(features: number, units: number, readonly classes: number) {
    this.cell = new GRUCell(features, units);
    this.head = glorot(units, classes);
  }

  predict(windows: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      const { hidden } = scan(this.cell, windows);
      return tf.softmax(linear(hidden, this.head));
    });
  }
}

if (require.main === module) {
  const clf = new WindowClassifier(6, 24, 4);
  const windows = tf.randomNormal([3, 20, 6]) as tf.Tensor3D;
  const probs = clf.predict(windows);
  probs.print();
  console.log('tensors alive:', tf.memory().numTensors);
}
