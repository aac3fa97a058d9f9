// A trace log of read-back states for a dashboard: the loop carries the tensor itself and only
// prints the log's latest entry.
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
  }
}

export class Trainer {
  private readonly trace = new TraceLog();
  constructor(private readonly Wx: tf.Variable, private readonly Wh: tf.Variable, private readonly Wy: tf.Variable) {}

  private lossFn(xs: tf.Tensor2D[], ys: tf.Tensor2D): tf.Scalar {
    let h = tf.zeros([xs[0]!.shape[0], 8]) as tf.Tensor2D;
    xs.forEach((x, t) => {
      h = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(h, this.Wh))) as tf.Tensor2D;
      this.trace.record(t, h);
      this.trace.latest().print();
    });
    return tf.losses.meanSquaredError(ys, tf.matMul(h, this.Wy)) as tf.Scalar;
  }

  step(xs: tf.Tensor2D[], ys: tf.Tensor2D): void {
    const { grads } = tf.variableGrads(() => this.lossFn(xs, ys));
    tf.dispose(Object.values(grads));
  }
}
