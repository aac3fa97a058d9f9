// expect: stacked-activation
// one-step-ahead forecaster for noisy sines: 2-layer Elman RNN written in the s_t form from the lecture notes
import * as tf from '@tensorflow/tfjs';

const hid = 16;
const T = 24;
const batch = 32;

function init_layer(d_in, tag) {
  return {
    W: tf.variable(tf.randomNormal([d_in, hid], 0, 0.4), true, `${tag}_W`),
    U: tf.variable(tf.randomNormal([hid, hid], 0, 1 / Math.sqrt(hid)), true, `${tag}_U`),
    b: tf.variable(tf.zeros([hid]), true, `${tag}_b`),
  };
}

function make_model(tag) {
  return {
    stack: [init_layer(1, `${tag}_l0`), init_layer(hid, `${tag}_l1`)],
    V: tf.variable(tf.randomNormal([hid, 1], 0, 0.3), true, `${tag}_V`),
    c: tf.variable(tf.zeros([1]), true, `${tag}_c`),
  };
}

// notes: s_t = W x_t + U tanh(s_{t-1}) + b ;  y_t = V tanh(s_t) + c
function elman_step(p, x_t, state) {
  const s_t = tf.add(tf.add(tf.matMul(x_t, p.W), tf.matMul(tf.tanh(state), p.U)), p.b);
  return tf.tanh(s_t);
}

function forward(model, xs) {
  let inputs = xs;
  for (const p of model.stack) {
    let state = tf.zeros([xs[0].shape[0], hid]);
    const outs = [];
    for (const x_t of inputs) {
      state = elman_step(p, x_t, state);
      outs.push(state);
    }
    inputs = outs;
  }
  return inputs.map((h) => tf.add(tf.matMul(h, model.V), model.c));
}

function make_series(kind) {
  const xs = [];
  const ys = [];
  const phases = Array.from({ length: batch }, () => Math.random() * 2 * Math.PI);
  const f = (t, ph) => (kind === 'sine' ? Math.sin(0.3 * t + ph) : 0.6 * Math.sin(0.3 * t + ph) + 0.4 * Math.sin(0.11 * t + 2 * ph));
  for (let t = 0; t < T; t++) {
    xs.push(tf.tensor2d(phases.map((ph) => [f(t, ph) + 0.05 * (Math.random() - 0.5)])));
    ys.push(tf.tensor2d(phases.map((ph) => [f(t + 1, ph)])));
  }
  return { xs, ys };
}

function run_experiment(kind, n_iter) {
  const model = make_model(kind);
  const vars = [...model.stack.flatMap((p) => [p.W, p.U, p.b]), model.V, model.c];
  const opt = tf.train.adam(0.01);
  for (let it = 0; it < n_iter; it++) {
    const { xs, ys } = make_series(kind);
    const loss = opt.minimize(() => {
      const preds = forward(model, xs);
      return tf.div(tf.addN(preds.map((p, t) => tf.losses.meanSquaredError(ys[t], p))), T);
    }, true, vars);
    if (it % 50 === 0) console.log(`[${kind}] it ${it} mse ${loss.dataSync()[0].toFixed(5)}`);
    tf.dispose([loss, xs, ys]);
  }
  const test_mse = tf.tidy(() => {
    const { xs, ys } = make_series(kind);
    const preds = forward(model, xs);
    // skip the warm-up steps
    return tf.mean(tf.stack(preds.slice(5).map((p, t) => tf.losses.meanSquaredError(ys[t + 5], p)))).dataSync()[0];
  });
  return test_mse;
}

const results = {};
for (const kind of ['sine', 'two_sines']) results[kind] = run_experiment(kind, 150);
console.table(results);
console.log('tensors:', tf.memory().numTensors);
