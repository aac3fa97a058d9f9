// Tracing helpers that keep the tensor itself on the tape, and a rebuilding one used only for display.
import * as tf from '@tensorflow/tfjs';

export class Traced {
  protected readonly traces: Float32Array[] = [];

  protected record(t: tf.Tensor): tf.Tensor {
    this.traces.push((t.dataSync() as Float32Array).slice());
    return t;
  }

  protected snapshot(t: tf.Tensor): tf.Tensor {
    return tf.tensor(t.dataSync(), t.shape);
  }
}

export class SineRNN extends Traced {
  readonly Wx = tf.variable(tf.randomNormal([1, 8]));
  readonly Wh = tf.variable(tf.randomNormal([8, 8]));
  readonly Wo = tf.variable(tf.randomNormal([8, 1]));
  last: tf.Tensor | null = null;

  forward(xs: tf.Tensor2D[]): tf.Tensor {
    let h: tf.Tensor = tf.zeros([1, 8]);
    for (const x of xs) {
      const hNew = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
      h = this.record(hNew);
    }
    return tf.matMul(h, this.Wo);
  }

  show(xs: tf.Tensor2D[]): void {
    this.last = this.snapshot(this.forward(xs));
  }
}

export function train(model: SineRNN, xs: tf.Tensor2D[], y: tf.Tensor): void {
  const { grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, model.forward(xs)) as tf.Scalar);
  tf.dispose(Object.values(grads));
}
