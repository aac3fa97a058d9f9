// expect: bptt-cut
// Async trainer for a GRU tagger over a data stream; each timestep gets its own tf.variableGrads call and the state is advanced by copying it through `await data()`, so gradients never flow back past one step.
import * as tf from '@tensorflow/tfjs';

interface Example {
  xs: tf.Tensor2D[]; // per step: [batch, feat]
  ys: tf.Tensor2D[]; // per step: [batch, classes] one-hot
}

export class StreamTrainer {
  private readonly cell: tf.layers.RNNCell;
  private readonly head: tf.Variable<tf.Rank.R2>;
  private readonly optimizer = tf.train.adam(1e-3);

  constructor(private readonly feat: number, private readonly units: number, classes: number) {
    this.cell = tf.layers.gruCell({ units });
    this.cell.build([null, feat]);
    this.head = tf.variable(tf.randomNormal([units, classes], 0, 0.1));
  }

  private stepLoss(x: tf.Tensor2D, y: tf.Tensor2D, h: tf.Tensor2D): tf.Scalar {
    const [, hNext] = this.cell.call([x, h], {}) as tf.Tensor2D[];
    return tf.losses.softmaxCrossEntropy(y, tf.matMul(hNext, this.head)) as tf.Scalar;
  }

  private advance(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => (this.cell.call([x, h], {}) as tf.Tensor2D[])[1]);
  }

  async trainOn(example: Example): Promise<number> {
    const batch = example.xs[0].shape[0];
    let h: tf.Tensor2D = tf.zeros([batch, this.units]);
    let total = 0;
    for (let t = 0; t < example.xs.length; t++) {
      const { value, grads } = tf.variableGrads(() => this.stepLoss(example.xs[t], example.ys[t], h));
      this.optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      total += (await value.data())[0];
      tf.dispose([value, ...Object.values(grads)]);

      const next = this.advance(example.xs[t], h);
      const snapshot = await next.data();
      h.dispose();
      next.dispose();
      h = tf.tensor2d(snapshot, [batch, this.units]);
    }
    h.dispose();
    return total / example.xs.length;
  }
}

export async function* exampleStream(n: number, steps: number, feat: number, classes: number): AsyncGenerator<Example> {
  for (let i = 0; i < n; i++) {
    await Promise.resolve();
    const xs: tf.Tensor2D[] = [];
    const ys: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const x = tf.randomNormal([4, feat]) as tf.Tensor2D;
      xs.push(x);
      // label at t depends on the input 2 steps back
      const src = t >= 2 ? xs[t - 2] : x;
      ys.push(tf.tidy(() => tf.oneHot(tf.argMax(tf.slice(src, [0, 0], [-1, classes]), 1), classes) as tf.Tensor2D));
    }
    yield { xs, ys };
  }
}

export async function run(log: (s: string) => void = () => {}): Promise<void> {
  const trainer = new StreamTrainer(5, 16, 3);
  let i = 0;
  for await (const ex of exampleStream(6, 8, 5, 3)) {
    const loss = await trainer.trainOn(ex);
    log(`example ${i++}: ${loss.toFixed(4)}`);
    tf.dispose([...ex.xs, ...ex.ys]);
  }
}
