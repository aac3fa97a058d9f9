// A trace log keeps each step's state as `{ t, h: h.arraySync() }`, and the next step reads its
// state back from the log's latest entry: the recurrence runs through JS arrays, off the tape.
import * as tf from '@tensorflow/tfjs';

export class TraceLog {
  private entries: { t: number; h: number[][] }[] = [];
  record(t: number, h: tf.Tensor2D): this {
    this.entries.push({ t, h: h.arraySync() });
    return this;
  }
  latest(): tf.Tensor2D {
    const last = this.entries[this.entries.length - 1]!;
    return tf.tensor2d(last.h);
//         ~~~~~~~~~~~~~~~~~~~ bptt-cut
  }
  clear(): this {
    this.entries = [];
    return this;
  }
}

export class Trainer {
  private readonly trace = new TraceLog();
  constructor(private readonly Wx: tf.Variable, private readonly Wh: tf.Variable, private readonly Wy: tf.Variable) {}

  private lossFn(xs: tf.Tensor2D[], ys: tf.Tensor2D): tf.Scalar {
    this.trace.clear().record(-1, tf.zeros([xs[0]!.shape[0], 8]));
    xs.forEach((x, t) => {
      const h = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(this.trace.latest(), this.Wh))) as tf.Tensor2D;
      this.trace.record(t, h);
    });
    return tf.losses.meanSquaredError(ys, tf.matMul(this.trace.latest(), this.Wy)) as tf.Scalar;
  }

  step(xs: tf.Tensor2D[], ys: tf.Tensor2D): void {
    const { grads } = tf.variableGrads(() => this.lossFn(xs, ys));
    tf.dispose(Object.values(grads));
  }
}
