// expect: stale-state
// Steady-state Kalman-style tracker for a noisy constant-velocity target, with gain K and readout c learned by SGD.
import * as tf from '@tensorflow/tfjs';

const dt = 0.05;
const A = tf.tensor2d([[1, dt], [0, 1]]);     // x_{t+1} = A x_t
const At = A.transpose();
const K = tf.variable(tf.tensor2d([[0.5, 0.1]]));  // gain, row form  (m += e K)
const c = tf.variable(tf.tensor2d([[1], [0]]));    // y = m c

function simulate(T, seed) {
  let s = seed;
  const rnd = () => { s = (s * 16807) % 2147483647; return s / 2147483647 - 0.5; };
  let p = 0, v = 1.5;
  const ys = [];
  for (let t = 0; t < T; t++) {
    v += 0.3 * rnd();
    p += dt * v;
    ys.push(p + 0.2 * rnd());
  }
  return ys;
}

// predict / correct, returns the one-step-ahead prediction and the filtered mean
function step(m, y) {
  const mp = tf.matMul(m, At);
  const yh = tf.matMul(mp, c);
  const e = y.sub(yh);
  return [yh, mp.add(tf.matMul(e, K))];
}

function run(ys, m0) {
  const { out } = ys.reduce(
    (acc, y) => {
      const [yh, m] = step(m0, y);
      acc.out.push(yh);
      acc.m = m;
      return acc;
    },
    { out: [], m: m0 }
  );
  return tf.concat(out, 0);
}

const series = simulate(200, 99);
const ys = series.map((v) => tf.tensor2d([[v]]));
const Y = tf.tensor2d(series, [series.length, 1]);
const m0 = tf.tensor2d([[series[0], 0]]);

const opt = tf.train.sgd(0.05);
for (let it = 0; it < 60; it++) {
  const L = opt.minimize(() => tf.losses.meanSquaredError(Y, run(ys, m0)), true);
  if (it % 20 === 0) console.log(`it ${it}  one-step mse ${L.dataSync()[0].toFixed(4)}`);
  L.dispose();
}
const pred = run(ys, m0).dataSync();
console.log('K =', Array.from(K.dataSync()).map((v) => v.toFixed(3)));
console.log('t=150  y', series[150].toFixed(3), ' yhat', pred[150].toFixed(3));
