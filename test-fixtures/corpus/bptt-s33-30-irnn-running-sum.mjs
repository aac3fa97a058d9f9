// expect: bptt-cut
// IRNN (ReLU RNN with identity recurrent init, Le et al. 2015) learning to output the running count of a sparse pulse train.
import * as tf from '@tensorflow/tfjs';

const T = 40;
const HIDDEN = 48;
const BATCH = 32;
const HIDDEN_CLIP = 5.0;

const range = (n) => Array.from({ length: n }, (_, i) => i);

class IRNN {
  constructor() {
    const self = this;
    self.W_ih = tf.variable(tf.randomNormal([1, HIDDEN], 0, 0.001));
    self.W_hh = tf.variable(tf.eye(HIDDEN));
    self.b_h = tf.variable(tf.zeros([HIDDEN]));
    self.W_ho = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1));
    self.b_o = tf.variable(tf.zeros([1]));
  }

  init_hidden(bsz) {
    return tf.zeros([bsz, HIDDEN]);
  }

  forward(x_t, hidden) {
    const self = this;
    const h_next = tf.relu(tf.matMul(x_t, self.W_ih).add(tf.matMul(hidden, self.W_hh)).add(self.b_h));
    const y = tf.matMul(h_next, self.W_ho).add(self.b_o);
    return [y, h_next];
  }
}

function clamp_hidden(h) {
  const vals = Float32Array.from(h.dataSync(), (v) => Math.min(Math.max(v, -HIDDEN_CLIP), HIDDEN_CLIP));
  return tf.tensor(vals, h.shape);
}

// x: 0/1 pulses, y: number of pulses seen so far (scaled by 1/10)
function pulse_batch() {
  const xs = range(BATCH).map(() => range(T).map(() => (Math.random() < 0.15 ? 1 : 0)));
  const ys = xs.map((row) => {
    let s = 0;
    return row.map((v) => (s += v) / 10);
  });
  return tf.tidy(() => [
    tf.unstack(tf.tensor3d(xs.map((r) => r.map((v) => [v]))), 1),
    tf.unstack(tf.tensor3d(ys.map((r) => r.map((v) => [v]))), 1),
  ]);
}

const model = new IRNN();
const optimizer = tf.train.rmsprop(1e-3);

for (const iter of range(300)) {
  const [x_steps, y_steps] = pulse_batch();
  const { value, grads } = tf.variableGrads(() => {
    let hidden = model.init_hidden(BATCH);
    const losses = [];
    for (const t of range(T)) {
      const [y_hat, h_next] = model.forward(x_steps[t], hidden);
      hidden = clamp_hidden(h_next);
      losses.push(tf.losses.meanSquaredError(y_steps[t], y_hat));
    }
    return tf.addN(losses).div(T);
  });
  optimizer.applyGradients(grads);
  if (iter % 30 === 0) console.log(`iter ${iter}: mse ${value.dataSync()[0].toFixed(5)}`);
  tf.dispose([value, grads, x_steps, y_steps]);
}

const [x_val, y_val] = pulse_batch();
const final_err = tf.tidy(() => {
  let hidden = model.init_hidden(BATCH);
  let y_hat;
  for (const x_t of x_val) {
    [y_hat, hidden] = model.forward(x_t, hidden);
    hidden = tf.clipByValue(hidden, -HIDDEN_CLIP, HIDDEN_CLIP);
  }
  return tf.losses.absoluteDifference(y_val[T - 1], y_hat).dataSync()[0] * 10;
});
console.log(`mean abs error of final count: ${final_err.toFixed(2)} pulses`);
tf.dispose([x_val, y_val]);
