// expect: none
// Echo-state network on NARMA-5 built from many short independent episodes; ridge readout over all post-washout states.
import * as tf from '@tensorflow/tfjs';

const N = 50, a = 0.5, washout = 20, L = 120, beta = 1e-5;

class ESN {
  private x: tf.Tensor2D;
  constructor(readonly Win: tf.Tensor2D, readonly W: tf.Tensor2D) {
    this.x = tf.zeros([1, N]);
  }

  reset(): void {
    this.x.dispose();
    this.x = tf.zeros([1, N]);
  }

  // x <- (1-a) x + a tanh(Win [1;u] + W x)
  update(u: number): tf.Tensor2D {
    const next = tf.tidy(() => {
      const pre = tf.matMul(tf.tensor2d([[1, u]]), this.Win).add(tf.matMul(this.x, this.W));
      return this.x.mul(1 - a).add(tf.tanh(pre).mul(a)) as tf.Tensor2D;
    });
    this.x.dispose();
    this.x = next;
    return next;
  }

  episode(u: number[]): number[][] {
    this.reset();
    const X: number[][] = [];
    u.forEach((ut, t) => {
      const x = this.update(ut);
      if (t >= washout) X.push(Array.from(x.dataSync()));
    });
    return X;
  }
}

function narma5(u: number[]): number[] {
  const y = new Array(u.length).fill(0);
  for (let t = 4; t < u.length - 1; t++) {
    const s = y.slice(t - 4, t + 1).reduce((p, q) => p + q, 0);
    y[t + 1] = 0.3 * y[t] + 0.05 * y[t] * s + 1.5 * u[t - 4] * u[t] + 0.1;
  }
  return y;
}

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647);
}

// normal equations (X'X + beta I) w = X'y in double precision, solved by Cholesky
function fitRidge(X: number[][], y: number[]): tf.Tensor2D {
  const A: number[][] = Array.from({ length: N }, (_, i) =>
    Array.from({ length: N }, (_, j) => X.reduce((s, row) => s + row[i] * row[j], i === j ? beta : 0))
  );
  const bv = Array.from({ length: N }, (_, i) => X.reduce((s, row, k) => s + row[i] * y[k], 0));
  const Lc: number[][] = A.map(() => new Array(N).fill(0));
  for (let i = 0; i < N; i++)
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= Lc[i][k] * Lc[j][k];
      Lc[i][j] = i === j ? Math.sqrt(s) : s / Lc[j][j];
    }
  const z = new Array(N).fill(0), w = new Array(N).fill(0);
  for (let i = 0; i < N; i++) z[i] = (bv[i] - Lc[i].slice(0, i).reduce((s, v, k) => s + v * z[k], 0)) / Lc[i][i];
  for (let i = N - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < N; k++) s -= Lc[k][i] * w[k];
    w[i] = s / Lc[i][i];
  }
  return tf.tensor2d(w, [N, 1]);
}

const r = rng(9);
const W0 = tf.randomNormal([N, N], 0, 1 / Math.sqrt(N), 'float32', 2);
const esn = new ESN(tf.randomUniform([2, N], -0.5, 0.5, 'float32', 1) as tf.Tensor2D, W0.mul(0.9) as tf.Tensor2D);

function collect(episodes: number): { X: number[][]; y: number[] } {
  const X: number[][] = [], y: number[] = [];
  for (let e = 0; e < episodes; e++) {
    const u = Array.from({ length: L }, () => 0.5 * r());
    X.push(...esn.episode(u));
    y.push(...narma5(u).slice(washout));
  }
  return { X, y };
}

const tr = collect(30), te = collect(10);
const w = fitRidge(tr.X, tr.y);
const nmse = (d: { X: number[][]; y: number[] }) =>
  tf.tidy(() => {
    const Y = tf.tensor2d(d.y, [d.y.length, 1]);
    return tf.mean(tf.square(tf.matMul(tf.tensor2d(d.X), w).sub(Y))).div(tf.moments(Y).variance).dataSync()[0];
  });
console.log(`NMSE train ${nmse(tr).toFixed(4)}  test ${nmse(te).toFixed(4)}`);
