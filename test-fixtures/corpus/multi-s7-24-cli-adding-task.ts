// expect: returns-input-state, bptt-cut
// Benchmark CLI for the "adding problem": a gated RNN must sum the two marked numbers in a long random sequence.
/// <reference types="node" />
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    steps: { type: 'string', default: '100' },
    units: { type: 'string', default: '64' },
    iters: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '32' },
    lr: { type: 'string', default: '0.001' },
  },
});
const T = Number(opts.steps);
const H = Number(opts.units);
const ITERS = Number(opts.iters);
const B = Number(opts.batch);

const glorot = (r: number, c: number) => tf.variable(tf.randomNormal([r, c], 0, Math.sqrt(2 / (r + c))));
const W = {
  xz: glorot(2, H), hz: glorot(H, H), bz: tf.variable(tf.zeros([H])),
  xr: glorot(2, H), hr: glorot(H, H), br: tf.variable(tf.zeros([H])),
  xn: glorot(2, H), hn: glorot(H, H), bn: tf.variable(tf.zeros([H])),
  out: glorot(H, 1), bout: tf.variable(tf.zeros([1])),
};

interface StepOut { out: tf.Tensor2D; hidden: tf.Tensor2D }

function gatedStep(x: tf.Tensor2D, hidden: tf.Tensor2D): StepOut {
  const z = tf.sigmoid(tf.addN([tf.matMul(x, W.xz), tf.matMul(hidden, W.hz), W.bz]));
  const r = tf.sigmoid(tf.addN([tf.matMul(x, W.xr), tf.matMul(hidden, W.hr), W.br]));
  const n = tf.tanh(tf.addN([tf.matMul(x, W.xn), tf.matMul(tf.mul(r, hidden), W.hn), W.bn]));
  const hNew = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, hidden)) as tf.Tensor2D;
  return { out: hNew, hidden };
}

/** Random batch: channel 0 = value in [0,1), channel 1 = marker (exactly two ones). */
function makeBatch(): { xs: tf.Tensor2D[]; y: tf.Tensor2D } {
  const vals: number[][] = [];
  const marks: number[][] = [];
  const targets: number[] = [];
  for (let b = 0; b < B; b++) {
    const v = Array.from({ length: T }, () => Math.random());
    const m = new Array(T).fill(0);
    const i = Math.floor(Math.random() * (T / 2));
    const j = Math.floor(T / 2 + Math.random() * (T / 2));
    m[i] = 1; m[j] = 1;
    vals.push(v); marks.push(m); targets.push(v[i] + v[j]);
  }
  const xs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    xs.push(tf.tensor2d(vals.map((v, b) => [v[t], marks[b][t]])));
  }
  return { xs, y: tf.tensor2d(targets, [B, 1]) };
}

const optimizer = tf.train.adam(Number(opts.lr));

function lossFor(xs: tf.Tensor2D[], y: tf.Tensor2D): tf.Scalar {
  let hidden = tf.zeros([B, H]) as tf.Tensor2D;
  let last: tf.Tensor2D = hidden;
  for (let t = 0; t < xs.length; t++) {
    const res = gatedStep(xs[t], hidden);
    last = res.out;
    hidden = res.hidden;
    if (t % 25 === 24) {
      // scrub NaNs that show up with large learning rates
      const vals = hidden.dataSync();
      hidden = tf.tensor2d(Array.from(vals, (v) => (Number.isNaN(v) ? 0 : v)), [B, H]);
    }
  }
  const pred = tf.add(tf.matMul(last, W.out), W.bout);
  return tf.losses.meanSquaredError(y, pred) as tf.Scalar;
}

const t0 = Date.now();
for (let it = 1; it <= ITERS; it++) {
  const { xs, y } = makeBatch();
  const cost = optimizer.minimize(() => lossFor(xs, y), true);
  if (it % 100 === 0 && cost) {
    // baseline (always predict 1.0) has MSE ~0.167
    const mse = cost.dataSync()[0];
    console.log(`iter ${it}\tmse ${mse.toFixed(4)}\t${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  tf.dispose([...xs, y, cost ?? []]);
}
