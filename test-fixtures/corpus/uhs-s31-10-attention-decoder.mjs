// expect: unused-hidden-state
// Greedy decoder for a tiny seq2seq model: previous token + attention context + decoder state -> next token.
import * as tf from '@tensorflow/tfjs';

/**
 * @typedef {Object} DecoderOptions
 * @property {number} vocabSize
 * @property {number} embedDim
 * @property {number} contextDim
 * @property {number} units
 * @property {number} [seed]
 */

export class AttentionDecoder {
  /** @param {DecoderOptions} options */
  constructor({ vocabSize, embedDim, contextDim, units, seed = 5 }) {
    const rn = (shape, k) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + k));
    this.units = units;
    this.embedding = rn([vocabSize, embedDim], 0);
    this.inputKernel = rn([embedDim + contextDim, units], 1);
    this.recurrentKernel = rn([units, units], 2);
    this.bias = tf.variable(tf.zeros([units]));
    this.outKernel = rn([units, vocabSize], 3);
    this.outBias = tf.variable(tf.zeros([vocabSize]));
  }

  /** @param {number} batch */
  initialState(batch) {
    return tf.zeros([batch, this.units]);
  }

  /**
   * One decoding step.
   * @param {tf.Tensor1D} tokens  int32 [batch]
   * @param {tf.Tensor2D} hidden  [batch, units]
   * @param {tf.Tensor2D} context [batch, contextDim]
   * @returns {{logits: tf.Tensor2D, hidden: tf.Tensor2D}}
   */
  step(tokens, hidden, context) {
    return tf.tidy(() => {
      const emb = tf.gather(this.embedding, tokens);
      const inp = tf.concat([emb, context], 1);
      const next = tf.tanh(tf.matMul(inp, this.inputKernel).add(this.bias));
      const logits = tf.matMul(next, this.outKernel).add(this.outBias);
      return { logits, hidden: next };
    });
  }

  /**
   * Greedy decoding.
   * @param {number} startToken
   * @param {tf.Tensor2D} context attention summary of the encoder, [batch, contextDim]
   * @param {{maxLen?: number, endToken?: number}} [opts]
   * @returns {number[][]} token ids per batch row
   */
  decode(startToken, context, { maxLen = 10, endToken = -1 } = {}) {
    const batch = context.shape[0];
    let hidden = this.initialState(batch);
    let tokens = tf.fill([batch], startToken, 'int32');
    const rows = Array.from({ length: batch }, () => []);
    for (let t = 0; t < maxLen; t++) {
      const { logits, hidden: nextHidden } = this.step(tokens, hidden, context);
      hidden.dispose();
      tokens.dispose();
      hidden = nextHidden;
      tokens = tf.argMax(logits, 1);
      logits.dispose();
      const ids = tokens.arraySync();
      ids.forEach((id, b) => rows[b].push(id));
      if (ids.every(id => id === endToken)) break;
    }
    hidden.dispose();
    tokens.dispose();
    return rows;
  }

  dispose() {
    tf.dispose([this.embedding, this.inputKernel, this.recurrentKernel,
      this.bias, this.outKernel, this.outBias]);
  }
}
