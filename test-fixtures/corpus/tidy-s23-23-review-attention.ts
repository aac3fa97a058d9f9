// expect: tidy-disposed-state
// Product-review tagger: GRU over word embeddings with attention pooling, returning a sentiment score and word weights.
import * as tf from '@tensorflow/tfjs';

export interface ReviewModelConfig {
  vocabSize: number;
  embDim: number;
  units: number;
  seed: number;
}

export const defaultConfig: ReviewModelConfig = { vocabSize: 1000, embDim: 16, units: 24, seed: 12 };

export class ReviewScorer {
  private readonly cfg: ReviewModelConfig;
  private readonly p: Record<'emb' | 'wx' | 'wh' | 'b' | 'attW' | 'attV' | 'out', tf.Tensor>;

  constructor(cfg: Partial<ReviewModelConfig> = {}) {
    this.cfg = { ...defaultConfig, ...cfg };
    const { vocabSize, embDim, units, seed } = this.cfg;
    const r = (shape: number[], k: number) => tf.randomNormal(shape, 0, 0.3, 'float32', seed + k);
    this.p = {
      emb: r([vocabSize, embDim], 0),
      wx: r([embDim, 3 * units], 1),
      wh: r([units, 3 * units], 2),
      b: tf.zeros([3 * units]),
      attW: r([units, units], 3),
      attV: r([units, 1], 4),
      out: r([units, 1], 5),
    };
  }

  private gru(x: tf.Tensor, h: tf.Tensor2D): tf.Tensor2D {
    const [xr, xz, xn] = tf.split(tf.matMul(x as tf.Tensor2D, this.p.wx as tf.Tensor2D).add(this.p.b), 3, 1);
    const [hr, hz, hn] = tf.split(tf.matMul(h, this.p.wh as tf.Tensor2D), 3, 1);
    const r = tf.sigmoid(xr.add(hr));
    const z = tf.sigmoid(xz.add(hz));
    const n = tf.tanh(xn.add(r.mul(hn)));
    return z.mul(h).add(tf.onesLike(z).sub(z).mul(n)) as tf.Tensor2D;
  }

  /** Runs the encoder and collects every hidden state into `states`; returns the final state. */
  private encode(wordIds: number[], states: tf.Tensor2D[]): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([1, this.cfg.units]);
      for (const id of wordIds) {
        h = this.gru(tf.gather(this.p.emb, [id]), h);
        states.push(h);
      }
      return h;
    });
  }

  score(wordIds: number[]): { sentiment: number; weights: number[] } {
    const states: tf.Tensor2D[] = [];
    const last = this.encode(wordIds, states);
    const result = tf.tidy(() => {
      const H = tf.concat(states, 0) as tf.Tensor2D; // [T, units]
      const e = tf.matMul(tf.tanh(tf.matMul(H, this.p.attW as tf.Tensor2D)), this.p.attV as tf.Tensor2D);
      const alpha = tf.softmax(e.reshape([1, -1])); // [1, T]
      const pooled = tf.matMul(alpha, H);
      const s = tf.sigmoid(tf.matMul(pooled, this.p.out as tf.Tensor2D));
      return { s: s.dataSync()[0], a: Array.from(alpha.dataSync()) };
    });
    last.dispose();
    return { sentiment: result.s, weights: result.a };
  }
}

export function tokenize(text: string, vocabSize: number): number[] {
  return text
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter(Boolean)
    .map((w) => {
      let h = 0;
      for (let i = 0; i < w.length; i++) h = (h * 33 + w.charCodeAt(i)) % vocabSize;
      return h;
    });
}

if (require.main === module) {
  const scorer = new ReviewScorer();
  const text = 'battery life is great but the screen scratches easily';
  const ids = tokenize(text, defaultConfig.vocabSize);
  const { sentiment, weights } = scorer.score(ids);
  console.log('sentiment', sentiment.toFixed(3));
  console.log('weights', weights.map((w) => w.toFixed(2)).join(' '));
}
