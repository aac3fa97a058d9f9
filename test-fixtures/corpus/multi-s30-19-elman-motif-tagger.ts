// expect: stacked-activation, state-leak
// Elman tagger: per time step, which of K motifs are active in a multichannel recording (multi-label), then batch-tag recordings.
import * as tf from '@tensorflow/tfjs';

const D = 4, N = 24, K = 3, T = 30;

export class Tagger {
  W = tf.variable(tf.randomNormal([D, N], 0, 0.5, 'float32', 1));
  U = tf.variable(tf.randomNormal([N, N], 0, 1 / Math.sqrt(N), 'float32', 2));
  b = tf.variable(tf.zeros([N]));
  V = tf.variable(tf.randomNormal([N, K], 0, 0.3, 'float32', 3));
  c = tf.variable(tf.zeros([K]));
  h: tf.Tensor2D = tf.zeros([1, N]);

  private readout(h: tf.Tensor2D): tf.Tensor2D {
    return tf.softmax(tf.matMul(h, this.V).add(this.c));
  }

  probs(h: tf.Tensor2D): tf.Tensor2D {
    return tf.sigmoid(this.readout(h));
  }

  loss(X: tf.Tensor3D, Y: tf.Tensor3D): tf.Scalar {
    const B = X.shape[0];
    let h = tf.zeros([B, N]) as tf.Tensor2D;
    const P: tf.Tensor2D[] = [];
    for (const x of tf.unstack(X, 1) as tf.Tensor2D[]) {
      h = tf.tanh(tf.matMul(x, this.W).add(tf.matMul(h, this.U)).add(this.b));
      P.push(this.probs(h));
    }
    return tf.losses.logLoss(Y, tf.stack(P, 1));
  }

  tag(rec: number[][]): number[][] {
    const out: number[][] = [];
    for (const row of rec) {
      const next = tf.tidy(() =>
        tf.tanh(tf.matMul(tf.tensor2d([row]), this.W).add(tf.matMul(this.h, this.U)).add(this.b))
      ) as tf.Tensor2D;
      this.h.dispose();
      this.h = next;
      const p = tf.tidy(() => this.probs(next));
      out.push(Array.from(p.dataSync()));
      p.dispose();
    }
    return out;
  }
}

// motif k drives channel k (and channel 3 weakly) for a random stretch
export function recording(seed: number): { x: number[][]; y: number[][] } {
  let s = seed;
  const r = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const on = [0, 1, 2].map(() => { const a = Math.floor(r() * T); return [a, a + 4 + Math.floor(r() * 8)]; });
  const x: number[][] = [], y: number[][] = [];
  for (let t = 0; t < T; t++) {
    const act: number[] = on.map(([a, e]) => (t >= a && t < e ? 1 : 0));
    x.push([...act.map((v) => v + 0.2 * (r() - 0.5)), 0.3 * act.reduce((p, q) => p + q, 0)]);
    y.push(act);
  }
  return { x, y };
}

const net = new Tagger();
const opt = tf.train.adam(0.02);
const train = Array.from({ length: 32 }, (_, i) => recording(i + 1));
const X = tf.tensor3d(train.map((d) => d.x));
const Y = tf.tensor3d(train.map((d) => d.y));
for (let it = 0; it <= 150; it++) {
  const L = opt.minimize(() => net.loss(X, Y), true);
  if (it % 50 === 0 && L) console.log(`it ${it}  logloss ${L.dataSync()[0].toFixed(4)}`);
  L?.dispose();
}

let hit = 0, tot = 0;
for (let i = 0; i < 10; i++) {
  const rec = recording(500 + i);
  const P = net.tag(rec.x);
  P.forEach((p, t) => p.forEach((v, k) => { hit += +((v > 0.5 ? 1 : 0) === rec.y[t][k]); tot++; }));
}
console.log('held-out per-label accuracy', (hit / tot).toFixed(3));
