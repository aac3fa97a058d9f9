// expect: none
// Token generator exposed as an iterable: softmax over a linear readout of the tanh hidden state, sampled with a seeded RNG.
import * as tf from '@tensorflow/tfjs';

export type LmParams = {
  emb: tf.Tensor2D;
  Wx: tf.Tensor2D;
  Wh: tf.Tensor2D;
  bh: tf.Tensor1D;
  Wy: tf.Tensor2D;
  by: tf.Tensor1D;
};

export function initLm(vocab: number, units: number, seed = 181): LmParams {
  return {
    emb: tf.randomNormal([vocab, units], 0, 0.5, 'float32', seed) as tf.Tensor2D,
    Wx: tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1) as tf.Tensor2D,
    Wh: tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 2) as tf.Tensor2D,
    bh: tf.zeros([units]) as tf.Tensor1D,
    Wy: tf.randomNormal([units, vocab], 0, 0.6, 'float32', seed + 3) as tf.Tensor2D,
    by: tf.zeros([vocab]) as tf.Tensor1D,
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TokenStream implements Iterable<number>, Iterator<number> {
  private h: tf.Tensor2D;
  private token: number;
  private produced = 0;
  private readonly rand: () => number;

  constructor(private readonly p: LmParams, start: number, private readonly limit: number, seed = 1) {
    this.h = tf.zeros([1, p.Wh.shape[0]]);
    this.token = start;
    this.rand = mulberry32(seed);
  }

  [Symbol.iterator](): Iterator<number> {
    return this;
  }

  next(): IteratorResult<number> {
    if (this.produced >= this.limit) {
      this.h.dispose();
      return { done: true, value: undefined };
    }
    const { h, probs } = tf.tidy(() => {
      const x = tf.gather(this.p.emb, [this.token]);
      const hNew = tf.tanh(tf.matMul(x, this.p.Wx).add(tf.matMul(this.h, this.p.Wh)).add(this.p.bh)) as tf.Tensor2D;
      const logits = tf.matMul(hNew, this.p.Wy).add(this.p.by);
      return { h: hNew, probs: tf.softmax(logits) };
    });
    this.h.dispose();
    this.h = h;
    const dist = probs.dataSync();
    probs.dispose();
    let u = this.rand();
    let pick = dist.length - 1;
    for (let i = 0; i < dist.length; i++) {
      u -= dist[i];
      if (u <= 0) {
        pick = i;
        break;
      }
    }
    this.token = pick;
    this.produced += 1;
    return { done: false, value: pick };
  }
}

export function generate(p: LmParams, start: number, n: number, seed = 1): number[] {
  return [...new TokenStream(p, start, n, seed)];
}
