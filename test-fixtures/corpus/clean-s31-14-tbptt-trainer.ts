// expect: none
// Truncated-BPTT trainer for a character RNN: K-step updates over each document, state carried between chunks.
import * as tf from '@tensorflow/tfjs';

export interface TbpttOptions {
  /** Steps per gradient update. Default 8. */
  chunk?: number;
  /** Default 0.1. */
  learningRate?: number;
  /** Progress callback, called after each chunk. */
  onChunk?: (doc: number, chunk: number, loss: number) => void;
}

export class CharRnnModel {
  readonly embed: tf.Variable;
  readonly wh: tf.Variable;
  readonly b: tf.Variable;
  readonly wo: tf.Variable;

  constructor(readonly vocab: number, readonly units: number, seed = 8) {
    this.embed = tf.variable(tf.randomNormal([vocab, units], 0, 0.3, 'float32', seed));
    this.wh = tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([units]));
    this.wo = tf.variable(tf.randomNormal([units, vocab], 0, 0.3, 'float32', seed + 2));
  }

  step(token: number, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.gather(this.embed, [token]).add(h.matMul(this.wh)).add(this.b)) as tf.Tensor2D;
  }

  logits(h: tf.Tensor2D): tf.Tensor2D {
    return h.matMul(this.wo) as tf.Tensor2D;
  }

  variables(): tf.Variable[] {
    return [this.embed, this.wh, this.b, this.wo];
  }
}

/**
 * Copies a tensor's values into a fresh tensor with no link to the graph that produced it.
 * Truncated BPTT: the carried state is a constant for the next chunk, so gradients stop
 * at chunk boundaries by design (they still flow through all steps inside a chunk).
 */
function detach(t: tf.Tensor2D): tf.Tensor2D {
  return tf.tensor2d(t.dataSync(), t.shape);
}

export class TbpttTrainer {
  private readonly chunk: number;
  private readonly optimizer: tf.Optimizer;

  constructor(private readonly model: CharRnnModel, private readonly options: TbpttOptions = {}) {
    this.chunk = options.chunk ?? 8;
    this.optimizer = tf.train.sgd(options.learningRate ?? 0.1);
  }

  /** One pass over independent documents (token id arrays). Returns mean chunk loss. */
  trainEpoch(documents: number[][]): number {
    let total = 0;
    let count = 0;
    documents.forEach((doc, d) => {
      let carry: tf.Tensor2D = tf.zeros([1, this.model.units]);
      for (let start = 0, c = 0; start + 1 < doc.length; start += this.chunk, c++) {
        const end = Math.min(start + this.chunk, doc.length - 1);
        const kept: { h?: tf.Tensor2D } = {};
        const loss = this.optimizer.minimize(() => {
          let h = carry;
          const losses: tf.Scalar[] = [];
          for (let t = start; t < end; t++) {
            h = this.model.step(doc[t], h);
            const target = tf.oneHot([doc[t + 1]], this.model.vocab);
            losses.push(tf.losses.softmaxCrossEntropy(target, this.model.logits(h)) as tf.Scalar);
          }
          kept.h = tf.keep(h);
          return tf.addN(losses).div(losses.length) as tf.Scalar;
        }, true, this.model.variables());
        const value = loss ? loss.dataSync()[0] : NaN;
        loss?.dispose();
        if (kept.h) {
          carry.dispose();
          carry = detach(kept.h);
          kept.h.dispose();
        }
        total += value;
        count += 1;
        this.options.onChunk?.(d, c, value);
      }
      carry.dispose();
    });
    return count ? total / count : NaN;
  }
}
