// expect: bptt-cut
// Trainer that keeps a per-step trace log of the hidden state (for the debugging dashboard) while fitting a sequence model.
import * as tf from '@tensorflow/tfjs';

export type TraceEntry = { t: number; h: number[][] };

export class TraceLog {
  private entries: TraceEntry[] = [];
  record(t: number, h: tf.Tensor2D): this {
    this.entries.push({ t, h: h.arraySync() });
    return this;
  }
  latest(): tf.Tensor2D {
    const last = this.entries[this.entries.length - 1];
    if (!last) throw new Error('trace is empty');
    return tf.tensor2d(last.h);
  }
  clear(): this {
    this.entries = [];
    return this;
  }
  get length(): number {
    return this.entries.length;
  }
}

export function makeWeights(inputDim: number, units: number, seed = 71) {
  return {
    Wx: tf.variable(tf.randomNormal([inputDim, units], 0, 0.3, 'float32', seed), true),
    Wh: tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1), true),
    Wy: tf.variable(tf.randomNormal([units, 1], 0, 0.3, 'float32', seed + 2), true),
  };
}
export type Weights = ReturnType<typeof makeWeights>;

export class SequenceTrainer {
  private readonly trace = new TraceLog();
  private optimizer: tf.Optimizer = tf.train.sgd(0.1);

  constructor(private readonly w: Weights, private readonly units: number) {}

  withOptimizer(opt: tf.Optimizer): this {
    this.optimizer = opt;
    return this;
  }

  private lossFn(xs: tf.Tensor2D[], ys: tf.Tensor2D): tf.Scalar {
    this.trace.clear().record(-1, tf.zeros([xs[0].shape[0], this.units]));
    xs.forEach((x, t) => {
      const h = tf.tanh(tf.matMul(x, this.w.Wx).add(tf.matMul(this.trace.latest(), this.w.Wh))) as tf.Tensor2D;
      this.trace.record(t, h);
    });
    const pred = tf.matMul(this.trace.latest(), this.w.Wy);
    return tf.losses.meanSquaredError(ys, pred) as tf.Scalar;
  }

  step(xs: tf.Tensor2D[], ys: tf.Tensor2D): { loss: number; gradNorms: Record<string, number> } {
    const { value, grads } = tf.variableGrads(() => this.lossFn(xs, ys));
    const gradNorms: Record<string, number> = {};
    for (const name of Object.keys(grads)) gradNorms[name] = grads[name].norm().dataSync()[0];
    this.optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    return { loss, gradNorms };
  }

  get traceLength(): number {
    return this.trace.length;
  }
}

export function run(epochs = 20): void {
  const xs = [0, 1, 2, 3].map((t) => tf.randomNormal([8, 3], 0, 1, 'float32', 100 + t) as tf.Tensor2D);
  const ys = tf.tidy(() => xs[0].slice([0, 0], [-1, 1]).mul(2) as tf.Tensor2D);
  const trainer = new SequenceTrainer(makeWeights(3, 10), 10).withOptimizer(tf.train.adam(0.02));
  let last = trainer.step(xs, ys);
  for (let e = 1; e < epochs; e++) last = trainer.step(xs, ys);
  console.log('final loss', last.loss.toFixed(4), 'grad norms', last.gradNorms);
}
