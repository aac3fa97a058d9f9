// expect: unused-hidden-state
// 3-layer IndRNN (Li et al. 2018) on the adding problem, transcribed from the notebook, tf.variableGrads loop
import * as tf from '@tensorflow/tfjs';

const T = 15;
const H = 32;
const n_layers = 3;
const batch = 64;
const u_max = Math.pow(2, 1 / T); // recurrent weight bound from the paper

interface indrnn_layer { W: tf.Variable; u: tf.Variable; b: tf.Variable }

const stack: indrnn_layer[] = Array.from({ length: n_layers }, (_, l) => ({
  W: tf.variable(tf.randomNormal([l === 0 ? 2 : H, H], 0, 0.1), true, `W_${l}`),
  u: tf.variable(tf.randomUniform([H], 0, u_max), true, `u_${l}`),
  b: tf.variable(tf.zeros([H]), true, `b_${l}`),
}));
const w_out = tf.variable(tf.randomNormal([H, 1], 0, 0.1), true, 'w_out');
const b_out = tf.variable(tf.zeros([1]), true, 'b_out');

// h_t = relu(W x_t + u * h_{t-1} + b), u is a vector (element-wise recurrence)
function indrnn_step(layer: indrnn_layer, inp: tf.Tensor2D, h_prev: tf.Tensor2D): tf.Tensor2D {
  const wx: tf.Tensor2D = tf.matMul(inp, layer.W);
  const rec = tf.mul(layer.u, wx);
  return tf.relu(tf.add(tf.add(wx, rec), layer.b));
}

function forward(xs: tf.Tensor2D[], h0?: tf.Tensor2D[]): tf.Tensor2D {
  let hs: tf.Tensor2D[] = h0 ?? stack.map(() => tf.zeros([xs[0].shape[0], H]) as tf.Tensor2D);
  for (const x_t of xs) {
    let inp = x_t;
    const next: tf.Tensor2D[] = [];
    stack.forEach((layer, l) => {
      const h_l = indrnn_step(layer, inp, hs[l]);
      next.push(h_l);
      inp = h_l;
    });
    hs = next;
  }
  return tf.add(tf.matMul(hs[n_layers - 1], w_out), b_out);
}

function adding_batch(): { xs: tf.Tensor2D[]; y: tf.Tensor2D } {
  const vals = Array.from({ length: batch }, () => Array.from({ length: T }, () => Math.random()));
  const marks = vals.map(() => {
    const a = Math.floor(Math.random() * (T / 2));
    const b = Math.floor(T / 2 + Math.random() * (T / 2));
    return [a, b];
  });
  const xs = Array.from({ length: T }, (_, t) =>
    tf.tensor2d(vals.map((v, i) => [v[t], marks[i].includes(t) ? 1 : 0])));
  const y = tf.tensor2d(vals.map((v, i) => [v[marks[i][0]] + v[marks[i][1]]]));
  return { xs, y };
}

const opt = tf.train.adam(0.002);
for (let it = 0; it <= 200; it++) {
  const { xs, y } = adding_batch();
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, forward(xs)) as tf.Scalar);
  opt.applyGradients(Object.keys(grads).map((name) => ({ name, tensor: grads[name] })));
  // keep |u| <= u_max as in the paper
  stack.forEach((layer) => layer.u.assign(tf.clipByValue(layer.u, -u_max, u_max)));
  if (it % 50 === 0) {
    const g_u = tf.tidy(() => tf.norm(grads['u_0']).dataSync()[0]);
    console.log(`it ${it} mse ${value.dataSync()[0].toFixed(4)} |grad u_0| ${g_u.toExponential(2)}`);
  }
  tf.dispose([value, grads, xs, y]);
}

// numeric check against the trivial baseline (always predict 1.0, mse ~ 1/6)
tf.tidy(() => {
  const { xs, y } = adding_batch();
  const mse = tf.losses.meanSquaredError(y, forward(xs)).dataSync()[0];
  const base = tf.losses.meanSquaredError(y, tf.onesLike(y)).dataSync()[0];
  console.log(`test mse ${mse.toFixed(4)} vs baseline ${base.toFixed(4)}`);
});
