// expect: bptt-cut
// Trains a small RNN regressor on sine snippets; the Traced base class keeps per-step state traces for the dashboard.
import * as tf from '@tensorflow/tfjs';

export class Traced {
  protected readonly traces = new Map<string, Float32Array[]>();

  protected record(name: string, t: tf.Tensor): tf.Tensor {
    const values = t.dataSync() as Float32Array;
    const list = this.traces.get(name) ?? [];
    list.push(values.slice());
    this.traces.set(name, list);
    return tf.tensor(values, t.shape);
  }

  trace(name: string): Float32Array[] {
    return this.traces.get(name) ?? [];
  }
}

export class SineRNN extends Traced {
  readonly Wx = tf.variable(tf.randomNormal([1, 8], 0, 0.5, 'float32', 1));
  readonly Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.3, 'float32', 2));
  readonly Wo = tf.variable(tf.randomNormal([8, 1], 0, 0.5, 'float32', 3));

  forward(xs: tf.Tensor3D): tf.Tensor2D {
    const [batch, time] = xs.shape;
    let h: tf.Tensor = tf.zeros([batch, 8]);
    for (let t = 0; t < time; t++) {
      const xt = xs.slice([0, t, 0], [batch, 1, 1]).reshape([batch, 1]);
      const hNew = tf.tanh(tf.add(tf.matMul(xt, this.Wx), tf.matMul(h, this.Wh)));
      h = this.record('h', hNew);
    }
    return tf.matMul(h, this.Wo) as tf.Tensor2D;
  }
}

export function makeBatch(batch: number, time: number, seed: number): { xs: tf.Tensor3D; ys: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[][] = [];
  let s = seed;
  for (let b = 0; b < batch; b++) {
    s = (s * 9301 + 49297) % 233280;
    const phase = (s / 233280) * Math.PI * 2;
    xs.push(Array.from({ length: time }, (_, t) => [Math.sin(phase + t * 0.3)]));
    ys.push([Math.sin(phase + time * 0.3)]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

export function train(model: SineRNN, epochs: number): number {
  const opt: tf.Optimizer = tf.train.adam(0.02);
  let last = 0;
  for (let e = 0; e < epochs; e++) {
    const { xs, ys } = makeBatch(16, 12, e + 1);
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, model.forward(xs)) as tf.Scalar);
    opt.applyGradients(grads);
    last = value.dataSync()[0];
    tf.dispose([xs, ys, value]);
    tf.dispose(Object.values(grads));
  }
  return last;
}

if (require.main === module) {
  const model = new SineRNN();
  console.log('final loss', train(model, 30));
  console.log('recorded steps', model.trace('h').length);
}
