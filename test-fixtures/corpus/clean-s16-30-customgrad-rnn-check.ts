// expect: none
// tanh RNN with a custom-gradient tanh that clips the incoming derivative (Graves 2013 style); tf.grads vs finite differences
import * as tf from '@tensorflow/tfjs';

const D = 3;
const H = 5;
const T = 6;
const B = 4;

function make_clipped_tanh(g_max: number) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const x = args[0] as tf.Tensor;
    const save = args[1] as tf.GradSaveFunc;
    const y = tf.tanh(x);
    save([y]);
    return {
      value: y,
      // d tanh = 1 - y^2, applied to the clipped upstream gradient
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(tf.clipByValue(dy, -g_max, g_max), tf.sub(1, tf.square(saved[0]))),
    };
  });
}

const xs = Array.from({ length: T }, (_, t) => tf.randomNormal([B, D], 0, 1, 'float32', 100 + t) as tf.Tensor2D);
const target = tf.randomNormal([B, 1], 0, 1, 'float32', 7);

function loss_with(act: (x: tf.Tensor) => tf.Tensor) {
  return (W: tf.Tensor, U: tf.Tensor, v: tf.Tensor): tf.Scalar => {
    let h: tf.Tensor = tf.zeros([B, H]);
    for (const x_t of xs) h = act(tf.add(tf.matMul(x_t, W), tf.matMul(h, U)));
    return tf.losses.meanSquaredError(target, tf.matMul(h, v)) as tf.Scalar;
  };
}

const W0 = tf.randomNormal([D, H], 0, 0.5, 'float32', 1);
const U0 = tf.randomNormal([H, H], 0, 0.5, 'float32', 2);
const v0 = tf.randomNormal([H, 1], 0, 0.5, 'float32', 3);

// experiment 1: with a huge clip value the custom op must reproduce the exact BPTT gradient
const f_exact = loss_with(make_clipped_tanh(1e9));
const [gW, gU, gv] = tf.grads(f_exact)([W0, U0, v0]);

function finite_diff_U(i: number, j: number, eps = 1e-2): number {
  return tf.tidy(() => {
    const e = tf.scatterND([[i, j]], [eps], [H, H]);
    const up = f_exact(W0, tf.add(U0, e), v0).dataSync()[0];
    const dn = f_exact(W0, tf.sub(U0, e), v0).dataSync()[0];
    return (up - dn) / (2 * eps);
  });
}

const gU_arr = gU.arraySync() as number[][];
const rows: { entry: string; analytic: number; numeric: number }[] = [];
for (const [i, j] of [[0, 0], [1, 3], [4, 2], [2, 2]]) {
  rows.push({ entry: `U[${i},${j}]`, analytic: +gU_arr[i][j].toFixed(5), numeric: +finite_diff_U(i, j).toFixed(5) });
}
console.table(rows);

// experiment 2: aggressive clipping shrinks the recurrent gradient but it still reaches U through time
const f_clip = loss_with(make_clipped_tanh(0.01));
const [, gU_clip] = tf.grads(f_clip)([W0, U0, v0]);
console.log('|dL/dU| exact', tf.norm(gU).dataSync()[0].toFixed(5), ' clipped', tf.norm(gU_clip).dataSync()[0].toFixed(5));
console.log('|dL/dW| exact', tf.norm(gW).dataSync()[0].toFixed(5), ' |dL/dv|', tf.norm(gv).dataSync()[0].toFixed(5));
