// expect: bptt-cut
// Sequence classifier whose recurrent encoder runs before optimizer.minimize; only the readout is inside the closure, so the cell weights never get gradients.
import * as tf from '@tensorflow/tfjs';

type Cell = {
  wx: tf.Variable<tf.Rank.R2>;
  wh: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
};

const HIDDEN = 24;

function makeCell(inDim: number): Cell {
  return {
    wx: tf.variable(tf.randomNormal([inDim, HIDDEN], 0, 0.2)),
    wh: tf.variable(tf.randomNormal([HIDDEN, HIDDEN], 0, 0.2)),
    b: tf.variable(tf.zeros([HIDDEN])),
  };
}

function step(cell: Cell, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, cell.wx), tf.matMul(h, cell.wh)), cell.b));
}

/** Runs the cell over [batch, time, feat] and returns the last state. */
function encode(cell: Cell, batch: tf.Tensor3D): tf.Tensor2D {
  const [n, time] = batch.shape;
  let h: tf.Tensor2D = tf.zeros([n, HIDDEN]);
  const steps = tf.unstack(batch, 1) as tf.Tensor2D[];
  for (let t = 0; t < time; t++) {
    h = step(cell, steps[t], h);
  }
  return h;
}

export class SequenceClassifier {
  private cell: Cell;
  private wOut: tf.Variable<tf.Rank.R2>;
  private bOut: tf.Variable<tf.Rank.R1>;
  private optimizer = tf.train.adam(5e-3);

  constructor(inDim: number, private numClasses: number) {
    this.cell = makeCell(inDim);
    this.wOut = tf.variable(tf.randomNormal([HIDDEN, numClasses], 0, 0.1));
    this.bOut = tf.variable(tf.zeros([numClasses]));
  }

  private logits(h: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(h, this.wOut), this.bOut);
  }

  trainBatch(xs: tf.Tensor3D, labels: tf.Tensor1D): number {
    return tf.tidy(() => {
      const summary = encode(this.cell, xs);
      const oneHot = tf.oneHot(labels.toInt(), this.numClasses);
      const cost = this.optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(oneHot, this.logits(summary)) as tf.Scalar,
        true,
      );
      return cost ? cost.dataSync()[0] : NaN;
    });
  }

  predict(xs: tf.Tensor3D): tf.Tensor1D {
    return tf.tidy(() => tf.argMax(this.logits(encode(this.cell, xs)), 1) as tf.Tensor1D);
  }
}

export function fitClassifier(
  data: Array<{ xs: tf.Tensor3D; labels: tf.Tensor1D }>,
  inDim: number,
  numClasses: number,
  epochs = 10,
  log: (line: string) => void = () => {},
): SequenceClassifier {
  const clf = new SequenceClassifier(inDim, numClasses);
  for (let e = 0; e < epochs; e++) {
    let sum = 0;
    for (const { xs, labels } of data) sum += clf.trainBatch(xs, labels);
    log(`epoch ${e}: mean loss ${(sum / data.length).toFixed(4)}`);
  }
  return clf;
}
