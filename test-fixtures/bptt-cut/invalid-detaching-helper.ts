// A tracing helper, inherited from a base class, that hands back a rebuilt copy of the state on the tape.
import * as tf from '@tensorflow/tfjs';

export class Traced {
  protected readonly traces: Float32Array[] = [];

  protected record(t: tf.Tensor): tf.Tensor {
    const values = t.dataSync() as Float32Array;
    this.traces.push(values.slice());
    return tf.tensor(values, t.shape);
  }
}

export class SineRNN extends Traced {
  readonly Wx = tf.variable(tf.randomNormal([1, 8]));
  readonly Wh = tf.variable(tf.randomNormal([8, 8]));
  readonly Wo = tf.variable(tf.randomNormal([8, 1]));

  forward(xs: tf.Tensor2D[]): tf.Tensor {
    let h: tf.Tensor = tf.zeros([1, 8]);
    for (const x of xs) {
      const hNew = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
      h = this.record(hNew);
      //  ~~~~~~~~~~~~~~~~~ bptt-cut
    }
    return tf.matMul(h, this.Wo);
  }
}

export function train(model: SineRNN, xs: tf.Tensor2D[], y: tf.Tensor): void {
  const { grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, model.forward(xs)) as tf.Scalar);
  tf.dispose(Object.values(grads));
}
