// expect: unused-hidden-state
// Token-level anomaly scorer: an embedding-sized RNN that emits 'step' and 'done' events while it scores a log.
import * as tf from '@tensorflow/tfjs';
import { EventEmitter } from 'events';

export interface ScorerOptions {
  vocabSize: number;
  /** Embedding and hidden width (kept equal). Default 32. */
  dim?: number;
  seed?: number;
}

export interface StepEvent {
  index: number;
  token: number;
  score: number;
}

/**
 * Emits:
 *  - 'step'  (StepEvent) after every token
 *  - 'done'  (number[])  with all scores
 */
export class RecurrentAnomalyScorer extends EventEmitter {
  readonly dim: number;
  private readonly embedding: tf.Variable;
  private readonly kernel: tf.Variable;
  private readonly recurrentKernel: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly scoreKernel: tf.Variable;

  constructor(options: ScorerOptions) {
    super();
    this.dim = options.dim ?? 32;
    const seed = options.seed ?? 77;
    const d = this.dim;
    const init = (shape: number[], k: number) =>
      tf.variable(tf.randomNormal(shape, 0, 0.25, 'float32', seed + k));
    this.embedding = init([options.vocabSize, d], 0);
    this.kernel = init([d, d], 1);
    this.recurrentKernel = init([d, d], 2);
    this.bias = tf.variable(tf.zeros([d]));
    this.scoreKernel = init([d, 1], 3);
  }

  /**
   * One recurrent step.
   * @param xt embedded input, [batch, dim]
   * @param ht previous hidden state, [batch, dim]
   */
  forward(xt: tf.Tensor2D, ht: tf.Tensor2D): { score: tf.Tensor2D; hidden: tf.Tensor2D } {
    return tf.tidy(() => {
      const gates = tf.add(tf.matMul(xt, this.kernel), tf.matMul(xt, this.recurrentKernel));
      const hidden = tf.tanh(gates.add(this.bias)) as tf.Tensor2D;
      const score = tf.sigmoid(hidden.matMul(this.scoreKernel)) as tf.Tensor2D;
      return { score, hidden };
    });
  }

  /** Scores every token of a log line; higher means more surprising. */
  score(tokens: number[]): number[] {
    let h: tf.Tensor2D = tf.zeros([1, this.dim]);
    const scores: number[] = [];
    tokens.forEach((token, index) => {
      const xt = tf.tidy(() => tf.gather(this.embedding, [token]) as tf.Tensor2D);
      const { score, hidden } = this.forward(xt, h);
      const value = score.dataSync()[0];
      tf.dispose([xt, score, h]);
      h = hidden;
      scores.push(value);
      this.emit('step', { index, token, score: value } satisfies StepEvent);
    });
    h.dispose();
    this.emit('done', scores);
    return scores;
  }
}
