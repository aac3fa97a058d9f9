// expect: unused-hidden-state
// Jordan network (output fed back as context) for one-step forecasting of the logistic map.
import * as tf from '@tensorflow/tfjs';

export class Jordan {
  Wx: tf.Variable;
  Wy: tf.Variable;
  b: tf.Variable;
  V: tf.Variable;
  c: tf.Variable;

  constructor(readonly n: number, seed = 11) {
    this.Wx = tf.variable(tf.randomNormal([1, n], 0, 0.8, 'float32', seed));
    this.Wy = tf.variable(tf.randomNormal([1, n], 0, 0.8, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([n]));
    this.V = tf.variable(tf.randomNormal([n, 1], 0, 0.3, 'float32', seed + 2));
    this.c = tf.variable(tf.zeros([1]));
  }

  // a_t = tanh(Wx x_t + Wy y_{t-1} + b),  y_t = V a_t + c
  step(x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
    const a = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(x, this.Wy)).add(this.b));
    return tf.matMul(a, this.V).add(this.c);
  }

  run(xs: tf.Tensor2D[]): tf.Tensor2D[] {
    let y = tf.zeros([xs[0].shape[0], 1]) as tf.Tensor2D;
    const out: tf.Tensor2D[] = [];
    for (const x of xs) {
      y = this.step(x, y);
      out.push(y);
    }
    return out;
  }
}

function logistic(r: number, x0: number, T: number): number[] {
  const s = [x0];
  for (let t = 1; t <= T; t++) s.push(r * s[t - 1] * (1 - s[t - 1]));
  return s;
}

async function fit(m: Jordan, s: number[], epochs: number): Promise<number> {
  const T = s.length - 1;
  const xs = Array.from({ length: T }, (_, t) => tf.tensor2d([[s[t]]]));
  const Y = tf.tensor2d(s.slice(1), [T, 1]);
  const opt = tf.train.rmsprop(0.01);
  let last = NaN;
  for (let e = 0; e < epochs; e++) {
    const L = opt.minimize(() => tf.losses.meanSquaredError(Y, tf.concat(m.run(xs), 0)), true);
    if (L) {
      last = (await L.data())[0];
      L.dispose();
    }
  }
  xs.forEach((x) => x.dispose());
  Y.dispose();
  return last;
}

export async function main(): Promise<void> {
  const m = new Jordan(10);
  const s = logistic(3.7, 0.31, 60);
  const mse = await fit(m, s, 80);
  console.log(`train mse ${mse.toExponential(3)}`);
  const test = logistic(3.7, 0.52, 20);
  const pred = tf.concat(m.run(test.slice(0, -1).map((v) => tf.tensor2d([[v]]))), 0);
  const p = await pred.data();
  for (let t = 0; t < 5; t++) console.log(t, test[t + 1].toFixed(4), p[t].toFixed(4));
}

main().catch((e) => console.error(e));
