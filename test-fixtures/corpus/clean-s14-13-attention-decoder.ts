// expect: none
// Greedy decoder with additive attention over encoder outputs, written as a pure step function over a typed state.
import * as tf from '@tensorflow/tfjs';

export interface DecoderState {
  readonly h: tf.Tensor;
  readonly context: tf.Tensor;
}

export interface AttentionMemory {
  readonly keys: tf.Tensor;
  readonly values: tf.Tensor;
  readonly mask: tf.Tensor;
}

export interface DecoderWeights {
  readonly embed: tf.Tensor;
  readonly wq: tf.Tensor;
  readonly v: tf.Tensor;
  readonly wIn: tf.Tensor;
  readonly wHh: tf.Tensor;
  readonly wOut: tf.Tensor;
}

export function attend(w: DecoderWeights, h: tf.Tensor, mem: AttentionMemory): tf.Tensor {
  const query = h.matMul(w.wq);
  const energy = tf.tanh(mem.keys.add(query)).matMul(w.v).reshape([1, -1]);
  const masked = energy.add(tf.sub(1, mem.mask).mul(-1e9));
  const weights = tf.softmax(masked);
  return weights.matMul(mem.values);
}

export function decodeStep(
  w: DecoderWeights,
  token: number,
  s: DecoderState,
  mem: AttentionMemory,
): readonly [tf.Tensor, DecoderState] {
  const emb = w.embed.gather([token]);
  const input = tf.concat([emb, s.context], 1);
  const h = tf.tanh(input.matMul(w.wIn).add(s.h.matMul(w.wHh)));
  const context = attend(w, h, mem);
  const logits = tf.concat([h, context], 1).matMul(w.wOut);
  return [logits, { h, context }] as const;
}

export function greedyDecode(
  w: DecoderWeights,
  mem: AttentionMemory,
  bos: number,
  eos: number,
  maxLen: number,
): number[] {
  return tf.tidy(() => {
    const units = w.wHh.shape[0];
    let state: DecoderState = { h: tf.zeros([1, units]), context: tf.zeros([1, mem.values.shape[1] as number]) };
    let token = bos;
    const out: number[] = [];
    for (let t = 0; t < maxLen; t++) {
      const [logits, next] = decodeStep(w, token, state, mem);
      state = next;
      token = logits.argMax(1).dataSync()[0];
      if (token === eos) break;
      out.push(token);
    }
    return out;
  });
}

export function randomWeights(vocab: number, emb: number, units: number, memDim: number): DecoderWeights {
  const r = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 0.4, 'float32', seed);
  return {
    embed: r([vocab, emb], 1),
    wq: r([units, memDim], 2),
    v: r([memDim, 1], 3),
    wIn: r([emb + memDim, units], 4),
    wHh: r([units, units], 5),
    wOut: r([units + memDim, vocab], 6),
  };
}

if (require.main === module) {
  const memDim = 6;
  const encoded = tf.randomNormal([5, memDim], 0, 1, 'float32', 10);
  const mem: AttentionMemory = { keys: encoded, values: encoded, mask: tf.tensor2d([[1, 1, 1, 1, 0]]) };
  const w = randomWeights(10, 4, 8, memDim);
  console.log(greedyDecode(w, mem, 0, 1, 12));
}
