// expect: state-leak
// Leaky echo-state network as a feature extractor: classify short sine vs. sawtooth bursts by nearest class mean.
import * as tf from '@tensorflow/tfjs';

const N = 40, a = 0.2, rho = 0.95;

export class Reservoir {
  Win: tf.Tensor2D;
  W: tf.Tensor2D;
  x: tf.Tensor2D;

  constructor(seed: number) {
    this.Win = tf.randomUniform([1, N], -1, 1, 'float32', seed) as tf.Tensor2D;
    const W = tf.randomNormal([N, N], 0, 1 / Math.sqrt(N), 'float32', seed + 1);
    this.W = W.mul(rho) as tf.Tensor2D;   // circular law: radius ~ 1 before scaling
    W.dispose();
    this.x = tf.zeros([1, N]);
  }

  // x <- (1-a) x + a tanh(Win u + W x); feature = time-average of x^2
  features(u: number[]): tf.Tensor1D {
    const X: tf.Tensor2D[] = [];
    for (const ut of u) {
      const x = this.x;
      this.x = tf.tidy(() =>
        x.mul(1 - a).add(tf.tanh(tf.matMul(tf.tensor2d([[ut]]), this.Win).add(tf.matMul(x, this.W))).mul(a))
      );
      X.push(this.x);
    }
    const f = tf.tidy(() => tf.stack(X).square().mean(0).reshape([N]) as tf.Tensor1D);
    X.slice(0, -1).forEach((t) => t.dispose());
    return f;
  }
}

function burst(kind: number, T: number, w: number, ph: number): number[] {
  return Array.from({ length: T }, (_, t) => {
    const q = w * t + ph;
    return kind === 0 ? Math.sin(q) : 2 * ((q / (2 * Math.PI)) % 1) - 1;
  });
}

function dataset(n: number, seed: number): { u: number[][]; y: number[] } {
  let s = seed;
  const r = () => ((s = (s * 69621) % 2147483647) / 2147483647);
  const u: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 2;
    u.push(burst(k, 16, 0.6 + 0.4 * r(), 2 * Math.PI * r()));
    y.push(k);
  }
  return { u, y };
}

export function centroids(R: Reservoir, u: number[][], y: number[]): tf.Tensor2D {
  const F = tf.stack(u.map((s) => R.features(s))) as tf.Tensor2D;
  const mu = [0, 1].map((k) => {
    const idx = tf.tensor1d(y.map((v, i) => (v === k ? i : -1)).filter((i) => i >= 0), 'int32');
    return tf.gather(F, idx).mean(0);
  });
  return tf.stack(mu) as tf.Tensor2D;
}

export function classify(R: Reservoir, mu: tf.Tensor2D, s: number[]): number {
  const f = R.features(s);
  return tf.tidy(() => tf.sum(tf.square(mu.sub(f.expandDims(0))), 1).argMin().dataSync()[0]);
}

const R = new Reservoir(8);
const tr = dataset(40, 1);
const mu = centroids(R, tr.u, tr.y);
const te = dataset(40, 2);
let ok = 0;
te.u.forEach((s, i) => { if (classify(R, mu, s) === te.y[i]) ok++; });
console.log(`test accuracy ${(ok / te.u.length).toFixed(3)}`);
