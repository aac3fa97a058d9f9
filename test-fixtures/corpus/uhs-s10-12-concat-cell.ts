// expect: unused-hidden-state
// Recurrent cells with variational (per-sequence) dropout masks; the concat-style cell drives the next-event predictor.
import * as tf from '@tensorflow/tfjs';

export abstract class DropoutCell {
  protected inputMask: tf.Tensor2D | null = null;
  protected stateMask: tf.Tensor2D | null = null;

  constructor(readonly inputSize: number, readonly hiddenSize: number, readonly rate = 0.2) {}

  /** Draws one mask per sequence, reused at every time step (Gal & Ghahramani). */
  resetMasks(batch: number, training: boolean): void {
    tf.dispose([this.inputMask, this.stateMask].filter((m): m is tf.Tensor2D => m !== null));
    if (!training) {
      this.inputMask = this.stateMask = null;
      return;
    }
    const keep = 1 - this.rate;
    const draw = (n: number) =>
      tf.tidy(() => tf.div(tf.cast(tf.less(tf.randomUniform([batch, n]), keep), 'float32'), keep) as tf.Tensor2D);
    this.inputMask = draw(this.inputSize);
    this.stateMask = draw(this.hiddenSize);
  }

  protected dropInput(x: tf.Tensor2D): tf.Tensor2D {
    return this.inputMask ? tf.mul(x, this.inputMask) : x;
  }

  protected dropState(h: tf.Tensor2D): tf.Tensor2D {
    return this.stateMask ? tf.mul(h, this.stateMask) : h;
  }

  abstract forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D;
}

/** h' = tanh([x; h] W + b) with a single fused weight matrix. */
export class ConcatRNNCell extends DropoutCell {
  readonly kernel: tf.Variable;
  readonly bias: tf.Variable;

  constructor(inputSize: number, hiddenSize: number, rate?: number) {
    super(inputSize, hiddenSize, rate);
    this.kernel = tf.variable(tf.randomNormal([inputSize + hiddenSize, hiddenSize], 0, 0.2));
    this.bias = tf.variable(tf.zeros([hiddenSize]));
  }

  override forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const x = this.dropInput(input);
      const h = this.dropState(hidden);
      const xh = tf.concat([x, x], 1);
      return tf.tanh(tf.add(tf.matMul(xh, this.kernel as tf.Tensor2D), this.bias));
    });
  }
}

export class NextEventModel {
  readonly cell: ConcatRNNCell;
  readonly eventEmbedding: tf.Variable;
  readonly readout: tf.Variable;

  constructor(readonly numEvents: number, dim = 32) {
    this.cell = new ConcatRNNCell(dim, dim);
    this.eventEmbedding = tf.variable(tf.randomNormal([numEvents, dim], 0, 0.3));
    this.readout = tf.variable(tf.randomNormal([dim, numEvents], 0, 0.2));
  }

  /** events: [batch, time] int ids -> distribution over the next event after the last one */
  predictNext(events: number[][], training = false): tf.Tensor2D {
    this.cell.resetMasks(events.length, training);
    return tf.tidy(() => {
      const ids = tf.tensor2d(events, undefined, 'int32');
      const emb = tf.gather(this.eventEmbedding, ids) as tf.Tensor3D;
      let h = tf.zeros([events.length, this.cell.hiddenSize]) as tf.Tensor2D;
      for (const x of tf.unstack(emb, 1) as tf.Tensor2D[]) {
        h = this.cell.forward(x, h);
      }
      return tf.softmax(tf.matMul(h, this.readout as tf.Tensor2D));
    });
  }
}

if (require.main === module) {
  const model = new NextEventModel(10);
  model.predictNext([[1, 2, 3, 4], [4, 3, 2, 1]]).print();
}
