// expect: unused-hidden-state
// Next-item recommender for the shop: embeds the clicked item ids of a session and scores the whole catalogue.
import * as tf from '@tensorflow/tfjs';

export interface SessionRecConfig {
  numItems: number;
  embedDim: number;
  hiddenDim: number;
  seed?: number;
}

const DEFAULTS = { seed: 7 };

export class SessionRecommender {
  private readonly cfg: Required<SessionRecConfig>;
  private readonly itemEmb: tf.Variable;
  private readonly wIn: tf.Variable;
  private readonly wRec: tf.Variable;
  private readonly bias: tf.Variable;
  private readonly wOut: tf.Variable;

  constructor(cfg: SessionRecConfig) {
    this.cfg = { ...DEFAULTS, ...cfg };
    const { numItems, embedDim, hiddenDim, seed } = this.cfg;
    this.itemEmb = tf.variable(tf.randomNormal([numItems, embedDim], 0, 0.5, 'float32', seed));
    this.wIn = tf.variable(tf.randomNormal([embedDim, hiddenDim], 0, 0.4, 'float32', seed + 1));
    this.wRec = tf.variable(tf.randomNormal([hiddenDim, hiddenDim], 0, 0.4, 'float32', seed + 2));
    this.bias = tf.variable(tf.zeros([hiddenDim]));
    this.wOut = tf.variable(tf.randomNormal([hiddenDim, numItems], 0, 0.4, 'float32', seed + 3));
  }

  initialState(batch = 1): tf.Tensor2D {
    return tf.zeros([batch, this.cfg.hiddenDim]);
  }

  /** Advances the session representation by one click. */
  step(itemIds: tf.Tensor1D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const x = tf.gather(this.itemEmb, itemIds) as tf.Tensor2D;
      const pre = tf.matMul(x, this.wIn).add(this.bias);
      const rec = tf.matMul(h, this.wRec);
      pre.add(rec);
      return tf.tanh(pre) as tf.Tensor2D;
    });
  }

  scores(h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.softmax(tf.matMul(h, this.wOut)) as tf.Tensor2D);
  }

  /** Returns the top-k next items for a session of clicked item ids. */
  async recommend(clicks: number[], k = 5): Promise<{ item: number; p: number }[]> {
    let h = this.initialState();
    for (const id of clicks) {
      const next = this.step(tf.tensor1d([id], 'int32'), h);
      h.dispose();
      h = next;
    }
    const probs = this.scores(h);
    const { values, indices } = tf.topk(probs, k);
    const [p, idx] = await Promise.all([values.data(), indices.data()]);
    tf.dispose([h, probs, values, indices]);
    const seen = new Set(clicks);
    return Array.from(idx)
      .map((item, i) => ({ item, p: p[i] }))
      .filter((r) => !seen.has(r.item));
  }
}

async function main(): Promise<void> {
  const rec = new SessionRecommender({ numItems: 50, embedDim: 8, hiddenDim: 16 });
  const sessions = [
    [3, 17, 42],
    [9, 42],
    [42],
  ];
  for (const s of sessions) {
    const top = await rec.recommend(s, 5);
    console.log(`session ${s.join('>')}:`, top.map((r) => `${r.item}(${r.p.toFixed(3)})`).join(' '));
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
