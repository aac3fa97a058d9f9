// expect: none
// 2-layer IndRNN on the adding problem with manual global-norm gradient clipping and |u| constraint (notebook port)
const tf = require('@tensorflow/tfjs');

const T = 20;
const H = 32;
const B = 64;
const MAX_NORM = 5.0;
const U_MAX = Math.pow(2, 1 / T);

const layers = [0, 1].map((l) => ({
  W: tf.variable(tf.randomNormal([l === 0 ? 2 : H, H], 0, 0.1), true, `W${l}`),
  u: tf.variable(tf.randomUniform([H], 0, 1), true, `u${l}`),
  b: tf.variable(tf.zeros([H]), true, `b${l}`),
}));
const head = { w: tf.variable(tf.randomNormal([H, 1], 0, 0.1), true, 'w_head'), b: tf.variable(tf.zeros([1]), true, 'b_head') };

// h_t = relu(W x_t + u * h_{t-1} + b)
function indrnn(layer, x_t, h_prev) {
  return tf.relu(tf.add(tf.add(tf.matMul(x_t, layer.W), tf.mul(layer.u, h_prev)), layer.b));
}

function predict(xs) {
  const hs = layers.map(() => tf.zeros([xs[0].shape[0], H]));
  for (const x_t of xs) {
    let inp = x_t;
    layers.forEach((layer, l) => {
      hs[l] = indrnn(layer, inp, hs[l]);
      inp = hs[l];
    });
  }
  return tf.add(tf.matMul(hs[hs.length - 1], head.w), head.b);
}

function adding_batch() {
  const vals = [];
  const pos = [];
  for (let i = 0; i < B; i++) {
    vals.push(Array.from({ length: T }, () => Math.random()));
    pos.push([Math.floor(Math.random() * (T / 2)), T / 2 + Math.floor(Math.random() * (T / 2))]);
  }
  const xs = [];
  for (let t = 0; t < T; t++) xs.push(tf.tensor2d(vals.map((v, i) => [v[t], pos[i].includes(t) ? 1 : 0])));
  const y = tf.tensor2d(vals.map((v, i) => [v[pos[i][0]] + v[pos[i][1]]]));
  return { xs, y };
}

const opt = tf.train.adam(0.003);
const log = [];
for (let it = 0; it <= 400; it++) {
  const { xs, y } = adding_batch();
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(y, predict(xs)));
  // global norm is only read back for logging / the scale factor; the backward pass is already done
  const names = Object.keys(grads);
  const gnorm = tf.tidy(() => Math.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n])))).dataSync()[0]));
  const scale = gnorm > MAX_NORM ? MAX_NORM / gnorm : 1;
  const clipped = names.map((name) => ({ name, tensor: tf.mul(grads[name], scale) }));
  opt.applyGradients(clipped);
  layers.forEach((layer) => layer.u.assign(tf.tidy(() => tf.clipByValue(layer.u, -U_MAX, U_MAX))));
  if (it % 100 === 0) {
    const u_grad = tf.tidy(() => tf.norm(grads.u0).dataSync()[0]);
    log.push({ it, mse: +value.dataSync()[0].toFixed(4), gnorm: +gnorm.toFixed(3), u0_grad: +u_grad.toExponential(2) });
  }
  tf.dispose([value, grads, clipped.map((c) => c.tensor), xs, y]);
}
console.table(log);

const { xs, y } = adding_batch();
tf.tidy(() => {
  const mse = tf.losses.meanSquaredError(y, predict(xs)).dataSync()[0];
  console.log(`held-out mse ${mse.toFixed(4)} (predict-1.0 baseline ~0.167)`);
});
