// expect: returns-input-state
// Peephole LSTM (Gers & Schmidhuber 2000) learning to continue a two-tone signal one step ahead.
import * as tf from '@tensorflow/tfjs';

export interface State { h: tf.Tensor2D; c: tf.Tensor2D }

export class PeepholeLSTM {
  readonly W: tf.Variable;   // [x, h] -> [i, f, g, o]
  readonly b: tf.Variable;
  readonly pi: tf.Variable;  // peepholes (diagonal)
  readonly pf: tf.Variable;
  readonly po: tf.Variable;
  readonly V: tf.Variable;

  constructor(readonly d: number, readonly n: number, seed = 2) {
    const k = 1 / Math.sqrt(d + n);
    this.W = tf.variable(tf.randomUniform([d + n, 4 * n], -k, k, 'float32', seed));
    this.b = tf.variable(tf.zeros([4 * n]));
    this.pi = tf.variable(tf.zeros([n]));
    this.pf = tf.variable(tf.zeros([n]));
    this.po = tf.variable(tf.zeros([n]));
    this.V = tf.variable(tf.randomUniform([n, d], -k, k, 'float32', seed + 1));
  }

  zero(B: number): State {
    return { h: tf.zeros([B, this.n]), c: tf.zeros([B, this.n]) };
  }

  // i = s(W_i[x,h] + p_i*c), f = s(W_f[x,h] + p_f*c), c' = f*c + i*tanh(W_g[x,h]), o = s(W_o[x,h] + p_o*c'), h' = o*tanh(c')
  step(x: tf.Tensor2D, { h, c }: State): State {
    const z = tf.matMul(tf.concat([x, h], 1), this.W).add(this.b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const i = tf.sigmoid(zi.add(c.mul(this.pi)));
    const f = tf.sigmoid(zf.add(c.mul(this.pf)));
    const cn = f.mul(c).add(i.mul(tf.tanh(zg))) as tf.Tensor2D;
    const o = tf.sigmoid(zo.add(cn.mul(this.po)));
    const hn = o.mul(tf.tanh(cn)) as tf.Tensor2D;
    return { h: hn, c };
  }

  run(xs: tf.Tensor2D[]): tf.Tensor2D[] {
    let s = this.zero(xs[0].shape[0]);
    return xs.map((x) => {
      s = this.step(x, s);
      return tf.matMul(s.h, this.V);
    });
  }
}

function signal(T: number, ph: number): number[] {
  return Array.from({ length: T + 1 }, (_, t) => 0.6 * Math.sin(0.31 * t + ph) + 0.3 * Math.sin(0.07 * t));
}

export function train(m: PeepholeLSTM, iters: number): number {
  const B = 8, T = 50;
  const S = Array.from({ length: B }, (_, i) => signal(T, i * 0.7));
  const xs = Array.from({ length: T }, (_, t) => tf.tensor2d(S.map((s) => [s[t]])));
  const ys = Array.from({ length: T }, (_, t) => tf.tensor2d(S.map((s) => [s[t + 1]])));
  const Y = tf.concat(ys, 0);
  const opt = tf.train.adam(0.02);
  let mse = NaN;
  for (let k = 0; k < iters; k++) {
    const L = opt.minimize(() => tf.losses.meanSquaredError(Y, tf.concat(m.run(xs), 0)), true);
    mse = L ? L.dataSync()[0] : NaN;
    L?.dispose();
    if (k % 25 === 0) console.log(`iter ${k}: mse ${mse.toFixed(5)}`);
  }
  tf.dispose([...xs, ...ys, Y]);
  return mse;
}

const m = new PeepholeLSTM(1, 16);
console.log('final mse', train(m, 100).toFixed(5));
