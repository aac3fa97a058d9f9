// expect: state-leak
// Nightly batch job: replays yesterday's click sessions through the GRU session model and stores top-5 next items.
import * as tf from '@tensorflow/tfjs';

export interface GruWeights {
  emb: tf.Tensor2D;
  kernel: tf.Tensor2D; // [emb, 3u]
  recurrent: tf.Tensor2D; // [u, 3u]
  bias: tf.Tensor1D; // [3u]
  out: tf.Tensor2D; // [u, items]
}

export function randomWeights(items: number, embDim: number, units: number): GruWeights {
  return {
    emb: tf.randomNormal([items, embDim], 0, 0.5, 'float32', 1),
    kernel: tf.randomNormal([embDim, 3 * units], 0, 0.4, 'float32', 2),
    recurrent: tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', 3),
    bias: tf.zeros([3 * units]),
    out: tf.randomNormal([units, items], 0, 0.4, 'float32', 4),
  };
}

function gru(w: GruWeights, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xr, xz, xn] = tf.split(tf.matMul(x, w.kernel).add(w.bias), 3, 1);
  const [hr, hz, hn] = tf.split(tf.matMul(h, w.recurrent), 3, 1);
  const r = tf.sigmoid(xr.add(hr));
  const z = tf.sigmoid(xz.add(hz));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return z.mul(h).add(tf.scalar(1).sub(z).mul(n)) as tf.Tensor2D;
}

export class SessionScorer {
  private h: tf.Tensor2D;

  constructor(private readonly w: GruWeights, private readonly units: number) {
    this.h = tf.zeros([1, units]);
  }

  private advance(itemId: number): void {
    const next = tf.tidy(() => {
      const x = tf.gather(this.w.emb, tf.tensor1d([itemId], 'int32')) as tf.Tensor2D;
      return gru(this.w, x, this.h);
    });
    this.h.dispose();
    this.h = next;
  }

  topNext(clicks: number[], k = 5): number[] {
    clicks.forEach((id) => this.advance(id));
    return tf.tidy(() => {
      const logits = tf.matMul(this.h, this.w.out);
      return Array.from(tf.topk(logits, k).indices.dataSync());
    });
  }

  dispose(): void {
    this.h.dispose();
  }
}

export interface SessionRecord {
  sessionId: string;
  clicks: number[];
}

export function scoreSessions(scorer: SessionScorer, sessions: SessionRecord[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of sessions) {
    if (s.clicks.length === 0) continue;
    out.set(s.sessionId, scorer.topNext(s.clicks));
  }
  return out;
}

if (require.main === module) {
  const w = randomWeights(40, 8, 16);
  const scorer = new SessionScorer(w, 16);
  const sessions: SessionRecord[] = [
    { sessionId: 'a', clicks: [5, 6, 7] },
    { sessionId: 'b', clicks: [12] },
    { sessionId: 'c', clicks: [12] },
  ];
  for (const [id, items] of scoreSessions(scorer, sessions)) {
    console.log(id, items.join(','));
  }
  scorer.dispose();
}
