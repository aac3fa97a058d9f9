// expect: stale-state
// Encoder-decoder for short command translation with scheduled sampling (teacher forcing ratio decays per epoch).
import * as tf from '@tensorflow/tfjs';

export type DecState = { h: tf.Tensor2D; step: number };

abstract class Recurrent {
  abstract forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
}

class ElmanLayer extends Recurrent {
  readonly w: tf.Variable;
  readonly u: tf.Variable;
  constructor(inDim: number, readonly units: number) {
    super();
    this.w = tf.variable(tf.randomNormal([inDim, units], 0, 0.3));
    this.u = tf.variable(tf.randomNormal([units, units], 0, 0.3));
  }
  override forward(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(tf.add(tf.matMul(x, this.w as tf.Tensor2D), tf.matMul(h, this.u as tf.Tensor2D)));
  }
}

class DecoderCell {
  readonly rnn: ElmanLayer;
  readonly out: tf.Variable;
  constructor(emb: number, units: number, vocab: number) {
    this.rnn = new ElmanLayer(emb, units);
    this.out = tf.variable(tf.randomNormal([units, vocab], 0, 0.3));
  }
  step(x: tf.Tensor2D, state: DecState): { logits: tf.Tensor2D; next: DecState } {
    const h = this.rnn.forward(x, state.h);
    return { logits: tf.matMul(h, this.out as tf.Tensor2D), next: { h, step: state.step + 1 } };
  }
}

export class Translator {
  readonly srcEmb: tf.Variable;
  readonly tgtEmb: tf.Variable;
  readonly encoder: ElmanLayer;
  readonly bridge: tf.Variable;
  readonly decoder: DecoderCell;

  constructor(srcVocab: number, readonly tgtVocab: number, dim = 12, units = 24) {
    this.srcEmb = tf.variable(tf.randomNormal([srcVocab, dim], 0, 0.3));
    this.tgtEmb = tf.variable(tf.randomNormal([tgtVocab, dim], 0, 0.3));
    this.encoder = new ElmanLayer(dim, units);
    this.bridge = tf.variable(tf.randomNormal([units, units], 0, 0.3));
    this.decoder = new DecoderCell(dim, units, tgtVocab);
  }

  private encode(src: tf.Tensor2D): tf.Tensor2D {
    const emb = tf.gather(this.srcEmb, src) as tf.Tensor3D;
    let h = tf.zeros([src.shape[0], this.encoder.units]) as tf.Tensor2D;
    for (const x of tf.unstack(emb, 1) as tf.Tensor2D[]) h = this.encoder.forward(x, h);
    return h;
  }

  /** Chooses the decoder input at step t: gold token with probability `ratio`, else the model's own guess. */
  private decoderInput(tgtIn: tf.Tensor2D, t: number, prevLogits: tf.Tensor2D | null, ratio: number): tf.Tensor2D {
    const gold = tf.squeeze(tf.slice(tgtIn, [0, t], [-1, 1]), [1]) as tf.Tensor1D;
    const ids = prevLogits === null || Math.random() < ratio ? gold : (tf.argMax(prevLogits, 1) as tf.Tensor1D);
    return tf.matMul(tf.oneHot(ids, this.tgtVocab), this.tgtEmb as tf.Tensor2D);
  }

  /** Returns logits [batch, time, vocab] for the target sequence. */
  forward(src: tf.Tensor2D, tgtIn: tf.Tensor2D, ratio = 1): tf.Tensor3D {
    const init = tf.tanh(tf.matMul(this.encode(src), this.bridge as tf.Tensor2D)) as tf.Tensor2D;
    let decState: DecState = { h: init, step: 0 };
    let prev: tf.Tensor2D | null = null;
    const outputs: tf.Tensor2D[] = [];
    for (let t = 0; t < tgtIn.shape[1]; t++) {
      const x = this.decoderInput(tgtIn, t, prev, ratio);
      const { logits, next } = this.decoder.step(x, { h: init, step: decState.step });
      outputs.push(logits);
      prev = logits;
      decState = next;
    }
    return tf.stack(outputs, 1) as tf.Tensor3D;
  }

  loss(src: tf.Tensor2D, tgtIn: tf.Tensor2D, tgtOut: tf.Tensor2D, ratio: number): tf.Scalar {
    const logits = this.forward(src, tgtIn, ratio).reshape([-1, this.tgtVocab]);
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tgtOut.flatten(), this.tgtVocab), logits);
  }
}

if (require.main === module) {
  const model = new Translator(15, 15);
  const opt = tf.train.adam(0.02);
  const src = tf.tensor2d([[3, 4, 5, 6], [7, 8, 9, 10]], undefined, 'int32');
  const tgtIn = tf.tensor2d([[0, 6, 5, 4], [0, 10, 9, 8]], undefined, 'int32');
  const tgtOut = tf.tensor2d([[6, 5, 4, 3], [10, 9, 8, 7]], undefined, 'int32');
  for (let epoch = 0; epoch < 40; epoch++) {
    const ratio = Math.max(0.5, 1 - epoch / 40);
    const l = opt.minimize(() => model.loss(src, tgtIn, tgtOut, ratio), true);
    if (epoch % 10 === 0) console.log(epoch, l!.dataSync()[0].toFixed(3));
    l!.dispose();
  }
}
