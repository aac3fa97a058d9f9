// expect: bptt-cut
// GRU on the "adding problem" (sum the two marked values of a long sequence), ported from a PyTorch training script.
const tf = require('@tensorflow/tfjs');

const seq_len = 60;
const hidden_size = 32;
const batch_size = 64;
const n_iters = 300;

const range = (n) => [...Array(n).keys()];

function adding_problem_batch(bsz, T) {
  return tf.tidy(() => {
    const values = [];
    const markers = [];
    const targets = [];
    for (const b of range(bsz)) {
      const v = range(T).map(() => Math.random());
      const m = new Array(T).fill(0);
      const i1 = Math.floor(Math.random() * (T / 2));
      const i2 = Math.floor(T / 2 + Math.random() * (T / 2));
      m[i1] = 1;
      m[i2] = 1;
      values.push(v);
      markers.push(m);
      targets.push([v[i1] + v[i2]]);
    }
    const x = tf.stack([tf.tensor2d(values), tf.tensor2d(markers)], 2); // [bsz, T, 2]
    return [x, tf.tensor2d(targets)];
  });
}

const stop_gradient = tf.customGrad((x, save) => ({
  value: x.clone(),
  gradFunc: (dy) => tf.zerosLike(dy),
}));

function detach_hidden(h) {
  return stop_gradient(h);
}

class GRUNet {
  constructor(input_size, hidden_size) {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(shape[0])));
    self.hidden_size = hidden_size;
    self.W_x = init([input_size, 3 * hidden_size]);
    self.W_h = init([hidden_size, 3 * hidden_size]);
    self.b = tf.variable(tf.zeros([3 * hidden_size]));
    self.W_out = init([hidden_size, 1]);
    self.b_out = tf.variable(tf.zeros([1]));
  }

  init_hidden(bsz) {
    return tf.zeros([bsz, this.hidden_size]);
  }

  forward(x_t, h) {
    const self = this;
    const [rx, zx, nx] = tf.split(tf.matMul(x_t, self.W_x).add(self.b), 3, 1);
    const [rh, zh, nh] = tf.split(tf.matMul(h, self.W_h), 3, 1);
    const r = tf.sigmoid(rx.add(rh));
    const z = tf.sigmoid(zx.add(zh));
    const n = tf.tanh(nx.add(r.mul(nh)));
    return tf.sub(1, z).mul(n).add(z.mul(h));
  }

  head(h) {
    return tf.matMul(h, this.W_out).add(this.b_out);
  }
}

const model = new GRUNet(2, hidden_size);
const optimizer = tf.train.adam(1e-3);

for (const it of range(n_iters)) {
  const [x, y] = adding_problem_batch(batch_size, seq_len);
  const steps = tf.unstack(x, 1);
  const loss = optimizer.minimize(() => {
    let hidden = model.init_hidden(batch_size);
    for (const x_t of steps) {
      hidden = detach_hidden(hidden);
      hidden = model.forward(x_t, hidden);
    }
    return tf.losses.meanSquaredError(y, model.head(hidden));
  }, true);
  if (it % 25 === 0) {
    // always answering 1.0 gives an MSE of about 0.167; lower means the markers are being used
    console.log(`iter ${it}: mse ${loss.dataSync()[0].toFixed(4)}`);
  }
  tf.dispose([x, y, steps, loss]);
}

const [x_val, y_val] = adding_problem_batch(256, seq_len);
const val_mse = tf.tidy(() => {
  let hidden = model.init_hidden(256);
  for (const x_t of tf.unstack(x_val, 1)) hidden = model.forward(x_t, hidden);
  return tf.losses.meanSquaredError(y_val, model.head(hidden)).dataSync()[0];
});
console.log(`validation mse: ${val_mse.toFixed(4)}`);
