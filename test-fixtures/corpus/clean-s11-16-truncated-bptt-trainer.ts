// expect: none
// Char-level language model trained on long streams with truncated BPTT; ChunkedTrainer walks the stream in windows.
import * as tf from '@tensorflow/tfjs';

export class CharRNN {
  readonly embed = tf.variable(tf.randomNormal([16, 8], 0, 0.5, 'float32', 1));
  readonly Wx = tf.variable(tf.randomNormal([8, 12], 0, 0.3, 'float32', 2));
  readonly Wh = tf.variable(tf.randomNormal([12, 12], 0, 0.3, 'float32', 3));
  readonly Wo = tf.variable(tf.randomNormal([12, 16], 0, 0.3, 'float32', 4));

  zero(): tf.Tensor2D {
    return tf.zeros([1, 12]);
  }

  /** Unrolls over ids starting from h; returns per-step logits and the last state. */
  unroll(ids: number[], h: tf.Tensor2D): { logits: tf.Tensor2D; last: tf.Tensor2D } {
    const rows: tf.Tensor2D[] = [];
    for (const id of ids) {
      const x = tf.gather(this.embed, [id]) as tf.Tensor2D;
      h = tf.tanh(tf.add(tf.matMul(x, this.Wx), tf.matMul(h, this.Wh)));
      rows.push(tf.matMul(h, this.Wo));
    }
    return { logits: tf.concat(rows, 0), last: h };
  }
}

export abstract class Trainer {
  protected readonly optimizer: tf.Optimizer = tf.train.adam(0.03);
  readonly losses: number[] = [];

  protected abstract lossFor(batch: number[]): tf.Scalar;

  fit(batch: number[]): void {
    const { value, grads } = tf.variableGrads(() => this.lossFor(batch));
    this.optimizer.applyGradients(grads);
    this.losses.push(value.dataSync()[0]);
    value.dispose();
    tf.dispose(Object.values(grads));
  }
}

export class ChunkedTrainer extends Trainer {
  private carry: tf.Tensor2D;
  private pending: tf.Tensor2D | null = null;

  constructor(private readonly model: CharRNN, private readonly window: number) {
    super();
    this.carry = model.zero();
  }

  protected override lossFor(chunk: number[]): tf.Scalar {
    const inputs = chunk.slice(0, -1);
    const targets = tf.oneHot(chunk.slice(1), 16);
    const { logits, last } = this.model.unroll(inputs, this.carry);
    // Truncated BPTT: the next window starts from the values of this window's last state,
    // but gradients stop at the window boundary (keep only the numbers, not the graph).
    this.pending = tf.keep(tf.tensor2d(last.arraySync()));
    return tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
  }

  trainStream(stream: number[]): number[] {
    for (let start = 0; start + this.window < stream.length; start += this.window) {
      this.fit(stream.slice(start, start + this.window + 1));
      if (this.pending) {
        this.carry.dispose();
        this.carry = this.pending;
        this.pending = null;
      }
    }
    return this.losses;
  }

  resetStream(): void {
    this.carry.dispose();
    this.carry = this.model.zero();
  }
}

if (require.main === module) {
  const text = 'the cat sat on the mat and the dog sat on the log '.repeat(4);
  const ids = Array.from(text).map((ch) => (ch === ' ' ? 0 : (ch.charCodeAt(0) - 96) % 16));
  const trainer = new ChunkedTrainer(new CharRNN(), 10);
  for (let epoch = 0; epoch < 5; epoch++) {
    trainer.resetStream();
    const l = trainer.trainStream(ids);
    console.log('epoch', epoch, 'loss', l[l.length - 1].toFixed(3));
  }
}
