// expect: stacked-activation
// Discrete-time firing-rate RNN (currents x, rates r) trained with BPTT to report the running sum of a pulse train.
import * as tf from '@tensorflow/tfjs';

const n = 24, T = 25, B = 16;

export type Net = { J: tf.Variable; Bu: tf.Variable; b: tf.Variable; w: tf.Variable };

export function net(seed = 4): Net {
  return {
    J: tf.variable(tf.randomNormal([n, n], 0, 1.2 / Math.sqrt(n), 'float32', seed)),
    Bu: tf.variable(tf.randomNormal([1, n], 0, 1, 'float32', seed + 1)),
    b: tf.variable(tf.zeros([n])),
    w: tf.variable(tf.randomNormal([n, 1], 0, 0.1, 'float32', seed + 2)),
  };
}

export function step(p: Net, x: tf.Tensor2D, u: tf.Tensor2D): tf.Tensor2D {
  const r = tf.tanh(x);
  return tf.tanh(tf.matMul(r, p.J).add(tf.matMul(u, p.Bu)).add(p.b));
}

export function readout(p: Net, x: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(x, p.w);
}

function task(seed: number): { U: tf.Tensor2D[]; Y: tf.Tensor2D } {
  let s = seed;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const u: number[][] = [];
  const y: number[][] = [];
  for (let i = 0; i < B; i++) {
    let acc = 0;
    const ui: number[] = [], yi: number[] = [];
    for (let t = 0; t < T; t++) {
      const v = r() < 0.2 ? (r() < 0.5 ? 0.1 : -0.1) : 0;
      acc += v;
      ui.push(v);
      yi.push(acc);
    }
    u.push(ui);
    y.push(yi);
  }
  const Ut = tf.tensor2d(u).transpose();
  const U = tf.unstack(Ut).map((v) => v.reshape([B, 1]) as tf.Tensor2D);
  Ut.dispose();
  return { U, Y: tf.tensor2d(y) };
}

export function loss(p: Net, U: tf.Tensor2D[], Y: tf.Tensor2D): tf.Scalar {
  let x = tf.zeros([B, n]) as tf.Tensor2D;
  const ys: tf.Tensor2D[] = [];
  for (const u of U) {
    x = step(p, x, u);
    ys.push(readout(p, x));
  }
  return tf.losses.meanSquaredError(Y, tf.concat(ys, 1)) as tf.Scalar;
}

const p = net();
const opt: tf.Optimizer = tf.train.adam(0.005);
const { U, Y } = task(12);
for (let it = 0; it <= 200; it++) {
  const { value, grads } = tf.variableGrads(() => loss(p, U, Y));
  opt.applyGradients(grads);
  if (it % 50 === 0) console.log(it, value.dataSync()[0].toExponential(3));
  value.dispose();
  tf.dispose(grads);
}
