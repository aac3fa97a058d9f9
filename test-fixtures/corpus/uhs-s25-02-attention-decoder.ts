// expect: unused-hidden-state
// Luong-style attention decoder for an English-to-German model: RNN step, dot-product attention, then readout.
import * as tf from '@tensorflow/tfjs';

export interface DecoderOutput {
  logits: tf.Tensor2D;
  h: tf.Tensor2D;
  alignment: tf.Tensor2D;
}

export class AttentionDecoder {
  private readonly embedding: tf.Variable;
  private readonly wIn: tf.Variable;
  private readonly wRec: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly wCombine: tf.Variable;
  private readonly wOut: tf.Variable;
  private readonly bOut: tf.Variable;

  constructor(vocab: number, embDim: number, readonly units: number) {
    const init = (shape: number[], seed: number) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed));
    this.embedding = init([vocab, embDim], 1);
    this.wIn = init([embDim, units], 2);
    this.wRec = init([units, units], 3);
    this.bias = tf.variable(tf.zeros([units]));
    this.wCombine = init([2 * units, units], 4);
    this.wOut = init([units, vocab], 5);
    this.bOut = tf.variable(tf.zeros([vocab]));
  }

  /** memory: encoder outputs, shape [srcLen, units]. */
  step(token: number, h: tf.Tensor2D, memory: tf.Tensor2D): DecoderOutput {
    return tf.tidy(() => {
      const x = tf.gather(this.embedding, [token]) as tf.Tensor2D;
      const inputPart = tf.matMul(x, this.wIn as tf.Tensor2D);
      const recurrentPart = tf.matMul(h, this.wRec as tf.Tensor2D);
      const hNew = tf.tanh(tf.add(inputPart, this.bias)) as tf.Tensor2D;

      const scores = tf.matMul(hNew, memory, false, true);
      const alignment = tf.softmax(scores) as tf.Tensor2D;
      const context = tf.matMul(alignment, memory);
      const attentional = tf.tanh(tf.matMul(tf.concat([context, hNew], 1), this.wCombine as tf.Tensor2D));
      const logits = tf.add(tf.matMul(attentional, this.wOut as tf.Tensor2D), this.bOut) as tf.Tensor2D;
      return { logits, h: hNew, alignment };
    });
  }

  greedy(memory: tf.Tensor2D, hInit: tf.Tensor2D, bos: number, eos: number, maxLen = 12): number[] {
    const out: number[] = [];
    let h = tf.clone(hInit);
    let token = bos;
    for (let t = 0; t < maxLen; t++) {
      const { logits, h: hNext, alignment } = this.step(token, h, memory);
      token = logits.argMax(1).dataSync()[0];
      tf.dispose([logits, alignment, h]);
      h = hNext;
      if (token === eos) break;
      out.push(token);
    }
    h.dispose();
    return out;
  }
}

if (require.main === module) {
  const dec = new AttentionDecoder(30, 8, 16);
  const memory = tf.randomNormal([5, 16], 0, 1, 'float32', 9) as tf.Tensor2D;
  const hInit = tf.tanh(tf.mean(memory, 0, true)) as tf.Tensor2D;
  console.log('decoded ids:', dec.greedy(memory, hInit, 1, 2));
}
