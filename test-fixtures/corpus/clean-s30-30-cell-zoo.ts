// expect: none
// Side-by-side comparison of Elman, MGU and IndRNN cells on a delayed-recall regression task (same data, same budget).
import * as tf from '@tensorflow/tfjs';

const n = 16, T = 20, B = 32, lag = 4, iters = 120;

type Step = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;
interface Cell { name: string; vars: tf.Variable[]; step: Step }

let seed = 1;
const mat = (r: number, c: number, s: number) => tf.variable(tf.randomNormal([r, c], 0, s, 'float32', seed++));
const vec = (k: number, v = 0) => tf.variable(tf.fill([k], v));

function elman(): Cell {
  const W = mat(1, n, 1), U = mat(n, n, 1 / Math.sqrt(n)), b = vec(n);
  return { name: 'Elman', vars: [W, U, b], step: (x, h) => tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U)).add(b)) };
}

// f = s(Wf x + Uf h + bf), h~ = tanh(W x + U (f*h) + b), h' = (1-f) h + f h~
function mgu(): Cell {
  const Wf = mat(1, n, 1), Uf = mat(n, n, 1 / Math.sqrt(n)), bf = vec(n, 1);
  const W = mat(1, n, 1), U = mat(n, n, 1 / Math.sqrt(n)), b = vec(n);
  return {
    name: 'MGU',
    vars: [Wf, Uf, bf, W, U, b],
    step: (x, h) => {
      const f = tf.sigmoid(tf.matMul(x, Wf).add(tf.matMul(h, Uf)).add(bf));
      const hc = tf.tanh(tf.matMul(x, W).add(tf.matMul(f.mul(h), U)).add(b));
      return tf.sub(1, f).mul(h).add(f.mul(hc));
    },
  };
}

// h' = relu(W x + u * h + b), recurrent weight is a vector
function indrnn(): Cell {
  const W = mat(1, n, 1), u = tf.variable(tf.randomUniform([n], 0, 1, 'float32', seed++)), b = vec(n);
  return { name: 'IndRNN', vars: [W, u, b], step: (x, h) => tf.relu(tf.matMul(x, W).add(h.mul(u)).add(b)) };
}

function batch(s0: number): { xs: tf.Tensor2D[]; Y: tf.Tensor2D } {
  const X = tf.randomUniform([B, T], -1, 1, 'float32', s0);
  const Y = X.slice([0, T - 1 - lag], [B, 1]) as tf.Tensor2D;
  const xs = tf.split(X, T, 1) as tf.Tensor2D[];
  X.dispose();
  return { xs, Y };
}

function fit(cell: Cell): number {
  const v = mat(n, 1, 0.1), c = vec(1);
  const predict = (xs: tf.Tensor2D[]) => {
    const h = xs.reduce((h, x) => cell.step(x, h), tf.zeros([B, n]) as tf.Tensor2D);
    return tf.matMul(h, v).add(c);
  };
  const opt = tf.train.adam(0.01);
  const vars = [...cell.vars, v, c];
  for (let i = 0; i < iters; i++) {
    const { xs, Y } = batch(1000 + i);
    const L = opt.minimize(() => tf.losses.meanSquaredError(Y, predict(xs)), true, vars);
    tf.dispose([Y, ...xs]);
    L?.dispose();
  }
  const { xs, Y } = batch(7);
  const mse = tf.tidy(() => tf.losses.meanSquaredError(Y, predict(xs)).dataSync()[0]);
  tf.dispose([Y, ...xs]);
  return mse;
}

const results = [elman(), mgu(), indrnn()].map((cell) => ({ cell: cell.name, mse: fit(cell) }));
console.log('baseline (predict 0):', (1 / 3).toFixed(4));
for (const r of results) console.log(r.cell.padEnd(7), r.mse.toFixed(4));
