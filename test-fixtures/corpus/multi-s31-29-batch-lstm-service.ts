// expect: returns-input-state, state-leak
// Batch scoring service: an abstract recurrent model with a template-method scoring loop and an LSTM subclass.
import * as tf from '@tensorflow/tfjs';

export interface StepResult<S> {
  output: tf.Tensor2D;
  state: S;
}

/**
 * Base class for recurrent scoring models. Subclasses implement `zeroState`,
 * `cellStep` and `head`; this class runs the time loop.
 */
export abstract class RecurrentScoringModel<S> {
  protected state: S | null = null;
  protected batches = 0;

  protected abstract zeroState(batch: number): S;
  protected abstract cellStep(x: tf.Tensor2D, state: S): StepResult<S>;
  protected abstract head(output: tf.Tensor2D): tf.Tensor2D;

  /**
   * Scores a batch of independent sequences [batch, time, features].
   * @returns one score vector per sequence.
   */
  scoreBatch(x: tf.Tensor3D): number[][] {
    const scores = tf.tidy(() => {
      let state = this.state ?? this.zeroState(x.shape[0]);
      let output: tf.Tensor2D | null = null;
      for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) {
        const res = this.cellStep(xt, state);
        state = res.state;
        output = res.output;
      }
      if (!output) throw new Error('scoreBatch: empty time axis');
      this.keepState(state);
      this.state = state;
      return this.head(output);
    });
    this.batches += 1;
    const rows = scores.arraySync() as number[][];
    scores.dispose();
    return rows;
  }

  /** Subclasses mark the tensors of a state as kept. */
  protected abstract keepState(state: S): void;
}

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export interface LstmScorerOptions {
  features: number;
  units?: number;
  classes?: number;
  seed?: number;
}

export class LstmScorer extends RecurrentScoringModel<LstmState> {
  private readonly units: number;
  private readonly kernel: tf.Tensor2D;
  private readonly recurrent: tf.Tensor2D;
  private readonly bias: tf.Tensor1D;
  private readonly out: tf.Tensor2D;

  constructor(opts: LstmScorerOptions) {
    super();
    this.units = opts.units ?? 12;
    const seed = opts.seed ?? 15;
    const u = this.units;
    this.kernel = tf.randomNormal([opts.features, 4 * u], 0, 0.3, 'float32', seed);
    this.recurrent = tf.randomNormal([u, 4 * u], 0, 0.3, 'float32', seed + 1);
    this.bias = tf.zeros([4 * u]);
    this.out = tf.randomNormal([u, opts.classes ?? 2], 0, 0.3, 'float32', seed + 2);
  }

  protected zeroState(batch: number): LstmState {
    return { h: tf.zeros([batch, this.units]), c: tf.zeros([batch, this.units]) };
  }

  protected cellStep(x: tf.Tensor2D, { h, c }: LstmState): StepResult<LstmState> {
    const z = x.matMul(this.kernel).add(h.matMul(this.recurrent)).add(this.bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return { output: hNext, state: { h, c: cNext } };
  }

  protected head(output: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(output.matMul(this.out)) as tf.Tensor2D;
  }

  protected keepState(state: LstmState): void {
    tf.keep(state.h);
    tf.keep(state.c);
  }
}
