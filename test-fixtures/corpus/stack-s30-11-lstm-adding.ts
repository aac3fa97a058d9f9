// expect: stacked-activation
// LSTM written from the Hochreiter & Schmidhuber equations, trained on the adding problem (sum of two marked numbers).
import * as tf from '@tensorflow/tfjs';

type S = { h: tf.Tensor2D; c: tf.Tensor2D };

export class LSTM {
  W: tf.Variable;
  b: tf.Variable;
  v: tf.Variable;

  constructor(readonly d: number, readonly n: number, seed = 21) {
    this.W = tf.variable(tf.randomNormal([d + n, 4 * n], 0, 1 / Math.sqrt(d + n), 'float32', seed));
    // forget-gate bias 1 (Gers et al.)
    const b = new Float32Array(4 * n);
    b.fill(1, n, 2 * n);
    this.b = tf.variable(tf.tensor1d(b));
    this.v = tf.variable(tf.randomNormal([n, 1], 0, 0.1, 'float32', seed + 1));
  }

  step(x: tf.Tensor2D, s: S): S {
    const z = tf.matMul(tf.concat([x, s.h], 1), this.W).add(this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.tanh(tf.sigmoid(f).mul(s.c).add(tf.sigmoid(i).mul(tf.tanh(g)))) as tf.Tensor2D;
    const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  }

  predict(xs: tf.Tensor2D[]): tf.Tensor2D {
    const B = xs[0].shape[0];
    let s: S = { h: tf.zeros([B, this.n]), c: tf.zeros([B, this.n]) };
    for (const x of xs) s = this.step(x, s);
    return tf.matMul(s.h, this.v);
  }
}

// channel 0: uniform values, channel 1: marker (two ones), target: sum of marked values
export function adding(B: number, T: number, seed: number): { xs: tf.Tensor2D[]; y: tf.Tensor2D } {
  let q = seed;
  const r = () => ((q = (q * 48271) % 2147483647) / 2147483647);
  const X: number[][][] = [];
  const y: number[][] = [];
  for (let i = 0; i < B; i++) {
    const a = Math.floor(r() * (T / 2));
    const b = Math.floor(T / 2 + r() * (T / 2));
    const seq: number[][] = [];
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const v = r();
      const m = t === a || t === b ? 1 : 0;
      if (m) sum += v;
      seq.push([v, m]);
    }
    X.push(seq);
    y.push([sum]);
  }
  const X3 = tf.tensor3d(X);
  const xs = tf.unstack(X3, 1) as tf.Tensor2D[];
  X3.dispose();
  return { xs, y: tf.tensor2d(y) };
}

const net = new LSTM(2, 20);
const opt = tf.train.adam(0.01);
for (let it = 0; it <= 120; it++) {
  const { xs, y } = adding(32, 20, 1000 + it);
  const L = opt.minimize(() => tf.losses.meanSquaredError(y, net.predict(xs)), true) as tf.Scalar;
  if (it % 40 === 0) console.log(`it ${it}  mse ${L.dataSync()[0].toFixed(4)}  (baseline 0.167)`);
  tf.dispose([L, y, ...xs]);
}
