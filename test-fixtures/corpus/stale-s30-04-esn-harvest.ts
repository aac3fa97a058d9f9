// expect: stale-state
// Echo-state network on a delay-recall task: random reservoir scaled to rho < 1, ridge-regression readout.
import * as tf from '@tensorflow/tfjs';

const N = 60, rho = 0.9, washout = 50, beta = 1e-4, delay = 3;

function rand(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647);
}

// spectral radius via power iteration on W (good enough for random Gaussian W)
function radius(W: tf.Tensor2D, k = 60): number {
  return tf.tidy(() => {
    let v = tf.ones([N, 1]).div(Math.sqrt(N)) as tf.Tensor2D;
    let lam = 0;
    for (let i = 0; i < k; i++) {
      const w = tf.matMul(W, v);
      lam = tf.norm(w).dataSync()[0];
      v = w.div(lam) as tf.Tensor2D;
    }
    return lam;
  });
}

export function reservoir(seed = 3): { Win: tf.Tensor2D; W: tf.Tensor2D } {
  const W0 = tf.randomNormal([N, N], 0, 1, 'float32', seed) as tf.Tensor2D;
  const W = W0.mul(rho / radius(W0)) as tf.Tensor2D;
  const Win = tf.randomUniform([2, N], -0.5, 0.5, 'float32', seed + 1) as tf.Tensor2D;
  W0.dispose();
  return { Win, W };
}

// x(t) = tanh(Win [1; u(t)] + W x(t-1)),  rows of X are x(t) for t >= washout
export function harvest(u: number[], R: { Win: tf.Tensor2D; W: tf.Tensor2D }): tf.Tensor2D {
  const x = tf.zeros([1, N]) as tf.Tensor2D;
  const X: tf.Tensor2D[] = [];
  for (let t = 0; t < u.length; t++) {
    const a = tf.tensor2d([[1, u[t]]]);
    const xt = tf.tanh(tf.matMul(a, R.Win).add(tf.matMul(x, R.W))) as tf.Tensor2D;
    if (t >= washout) X.push(xt);
  }
  return tf.concat(X, 0);
}

// solve (A) w = y by Gaussian elimination with partial pivoting; A is n x n
function solve(A: number[][], y: number[][]): number[][] {
  const n = A.length, m = y[0].length;
  const M = A.map((r, i) => [...r, ...y[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = M[i][k] / M[k][k];
      for (let j = k; j < n + m; j++) M[i][j] -= f * M[k][j];
    }
  }
  return M.map((r, i) => r.slice(n).map((v) => v / M[i][i]));
}

export function ridge(X: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  const [A, c] = tf.tidy(() => {
    const XtX = tf.matMul(X, X, true, false).add(tf.eye(N).mul(beta));
    return [XtX.arraySync() as number[][], tf.matMul(X, Y, true, false).arraySync() as number[][]];
  });
  return tf.tensor2d(solve(A, c));
}

function nrmse(y: tf.Tensor, yh: tf.Tensor): number {
  return tf.tidy(() => tf.sqrt(tf.mean(tf.square(y.sub(yh))).div(tf.moments(y).variance)).dataSync()[0]);
}

const r = rand(5);
const u = Array.from({ length: 600 }, () => r() - 0.5);
const target = u.map((_, t) => (t >= delay ? u[t - delay] : 0));
const R = reservoir();
const X = harvest(u.slice(0, 400), R);
const Y = tf.tensor2d(target.slice(washout, 400), [400 - washout, 1]);
const Wout = ridge(X, Y);
const Xte = harvest(u.slice(400), R);
const Yte = tf.tensor2d(target.slice(400 + washout), [200 - washout, 1]);
console.log('train NRMSE', nrmse(Y, tf.matMul(X, Wout)).toFixed(4));
console.log('test  NRMSE', nrmse(Yte, tf.matMul(Xte, Wout)).toFixed(4));
