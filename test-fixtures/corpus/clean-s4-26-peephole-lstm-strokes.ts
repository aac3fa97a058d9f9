// expect: none
// Peephole LSTM (Gers & Schmidhuber) for online handwriting strokes: gates peek at the cell state, the output gate peeks at the new cell, and each stroke sequence is run from a fresh zero state; trained with optimizer.minimize around the full unroll.
import * as tf from '@tensorflow/tfjs';

export interface PeepholeOptions {
  inputDim: number;
  units: number;
  numClasses: number;
  clipNorm?: number;
  onEpochEnd?: (epoch: number, loss: number) => void;
}

type State = { h: tf.Tensor2D; c: tf.Tensor2D };

export class PeepholeLSTM {
  private readonly W: tf.Variable<tf.Rank.R2>;
  private readonly b: tf.Variable<tf.Rank.R1>;
  private readonly pI: tf.Variable<tf.Rank.R1>;
  private readonly pF: tf.Variable<tf.Rank.R1>;
  private readonly pO: tf.Variable<tf.Rank.R1>;
  private readonly Wy: tf.Variable<tf.Rank.R2>;

  constructor(private readonly o: PeepholeOptions) {
    const n = o.inputDim + o.units;
    this.W = tf.variable(tf.randomNormal([n, 4 * o.units], 0, 1 / Math.sqrt(n)));
    this.b = tf.variable(tf.concat([tf.zeros([o.units]), tf.ones([o.units]), tf.zeros([2 * o.units])]));
    this.pI = tf.variable(tf.zeros([o.units]));
    this.pF = tf.variable(tf.zeros([o.units]));
    this.pO = tf.variable(tf.zeros([o.units]));
    this.Wy = tf.variable(tf.randomNormal([o.units, o.numClasses], 0, 0.05));
  }

  step(x: tf.Tensor2D, { h, c }: State): State {
    const z = tf.matMul(tf.concat([x, h], 1), this.W).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi.add(c.mul(this.pI)));
    const f = tf.sigmoid(zf.add(c.mul(this.pF)));
    const cNew = f.mul(c).add(i.mul(tf.tanh(zg))) as tf.Tensor2D;
    const out = tf.sigmoid(zo.add(cNew.mul(this.pO)));
    const hNew = out.mul(tf.tanh(cNew)) as tf.Tensor2D;
    return { h: hNew, c: cNew };
  }

  logits(strokes: tf.Tensor3D): tf.Tensor2D {
    const [batch, steps, dim] = strokes.shape;
    let s: State = { h: tf.zeros([batch, this.o.units]), c: tf.zeros([batch, this.o.units]) };
    for (let t = 0; t < steps; t++) {
      s = this.step(strokes.slice([0, t, 0], [batch, 1, dim]).reshape([batch, dim]), s);
    }
    return tf.matMul(s.h, this.Wy);
  }

  async train(batches: Array<{ xs: tf.Tensor3D; ys: tf.Tensor2D }>, epochs: number): Promise<void> {
    const opt = tf.train.adam(1e-3);
    for (let e = 0; e < epochs; e++) {
      let total = 0;
      for (const { xs, ys } of batches) {
        const loss = opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, this.logits(xs)) as tf.Scalar, true);
        total += loss ? loss.dataSync()[0] : 0;
        loss?.dispose();
      }
      this.o.onEpochEnd?.(e, total / batches.length);
    }
  }

  classify(strokes: tf.Tensor3D): number[] {
    return tf.tidy(() => Array.from(this.logits(strokes).argMax(-1).dataSync()));
  }
}

export function strokesToTensor(strokes: Array<Array<[number, number, number]>>, maxLen: number): tf.Tensor3D {
  const padded = strokes.map((s) => {
    const deltas = s.map(([x, y, pen], k) => (k === 0 ? [0, 0, pen] : [x - s[k - 1][0], y - s[k - 1][1], pen]));
    while (deltas.length < maxLen) deltas.push([0, 0, 0]);
    return deltas.slice(0, maxLen);
  });
  return tf.tensor3d(padded);
}
