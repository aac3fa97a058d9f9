// expect: stacked-activation
// Greedy decoder with additive attention for the toy date-format translation model.
import * as tf from '@tensorflow/tfjs';

export interface DecoderParams {
  wIn: tf.Tensor2D;
  wCtx: tf.Tensor2D;
  wRec: tf.Tensor2D;
  wAttQ: tf.Tensor2D;
  wAttK: tf.Tensor2D;
  vAtt: tf.Tensor2D;
  wOut: tf.Tensor2D;
}

export function makeParams(emb: number, units: number, vocab: number, seed = 21): DecoderParams {
  const r = (shape: [number, number], s: number) =>
    tf.randomNormal(shape, 0, 0.3, 'float32', seed + s) as tf.Tensor2D;
  return {
    wIn: r([emb, units], 0),
    wCtx: r([units, units], 1),
    wRec: r([units, units], 2),
    wAttQ: r([units, units], 3),
    wAttK: r([units, units], 4),
    vAtt: r([units, 1], 5),
    wOut: r([units, vocab], 6),
  };
}

function attend(p: DecoderParams, query: tf.Tensor2D, memory: tf.Tensor2D): tf.Tensor2D {
  const q = tf.matMul(query, p.wAttQ);
  const k = tf.matMul(memory, p.wAttK);
  const scores = tf.matMul(tf.tanh(k.add(q)), p.vAtt).reshape([1, -1]);
  const weights = tf.softmax(scores);
  return tf.matMul(weights, memory) as tf.Tensor2D;
}

function decoderCell(p: DecoderParams, xEmb: tf.Tensor2D, state: tf.Tensor2D, memory: tf.Tensor2D) {
  const query = tf.tanh(state);
  const ctx = attend(p, query, memory);
  const pre = tf.matMul(xEmb, p.wIn).add(tf.matMul(ctx, p.wCtx)).add(tf.matMul(query, p.wRec));
  const next = tf.tanh(pre) as tf.Tensor2D;
  const logits = tf.matMul(next, p.wOut) as tf.Tensor2D;
  return { logits, next };
}

export function greedyDecode(
  p: DecoderParams,
  embedding: tf.Tensor2D,
  memory: tf.Tensor2D,
  startToken: number,
  maxLen: number,
): number[] {
  const tokens: number[] = [];
  let state = memory.slice([memory.shape[0] - 1, 0], [1, -1]) as tf.Tensor2D;
  let token = startToken;
  for (let t = 0; t < maxLen; t++) {
    const { logits, next } = tf.tidy(() => {
      const xEmb = embedding.slice([token, 0], [1, -1]) as tf.Tensor2D;
      return decoderCell(p, xEmb, state, memory);
    });
    token = logits.argMax(1).dataSync()[0];
    tokens.push(token);
    logits.dispose();
    if (t > 0) state.dispose();
    state = next;
  }
  state.dispose();
  return tokens;
}

export function demo(): number[] {
  const p = makeParams(6, 10, 12);
  const embedding = tf.randomNormal([12, 6], 0, 1, 'float32', 4) as tf.Tensor2D;
  const memory = tf.randomNormal([5, 10], 0, 1, 'float32', 5) as tf.Tensor2D;
  return greedyDecode(p, embedding, memory, 0, 8);
}
