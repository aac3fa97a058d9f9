// expect: returns-input-state
// Bit-parity task with a minimal gated unit written as a Keras-style cell object and a hand-written rnn() loop.
const tf = require('@tensorflow/tfjs');

const SEQ_LEN = 12;
const range = (n) => [...Array(n).keys()];

const mgu_cell = {
  units: 24,
  built: false,

  build(input_dim) {
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.3));
    this.kernel_f = init([input_dim, this.units]);
    this.recurrent_kernel_f = init([this.units, this.units]);
    this.bias_f = tf.variable(tf.ones([this.units]));
    this.kernel_h = init([input_dim, this.units]);
    this.recurrent_kernel_h = init([this.units, this.units]);
    this.bias_h = tf.variable(tf.zeros([this.units]));
    this.built = true;
  },

  get_initial_state(batch_size) {
    return [tf.zeros([batch_size, this.units])];
  },

  // f = sigmoid(W_f x + U_f h + b_f); h~ = tanh(W_h x + U_h (f * h) + b_h); h' = (1 - f) h + f h~
  call(inputs, states) {
    const [h_tm1] = states;
    const f = tf.sigmoid(
      tf.matMul(inputs, this.kernel_f).add(tf.matMul(h_tm1, this.recurrent_kernel_f)).add(this.bias_f));
    const h_tilde = tf.tanh(
      tf.matMul(inputs, this.kernel_h).add(tf.matMul(f.mul(h_tm1), this.recurrent_kernel_h)).add(this.bias_h));
    const h = tf.sub(1, f).mul(h_tm1).add(f.mul(h_tilde));
    return [h, states];
  },
};

// inputs: [batch, time, features]; mirrors keras.backend.rnn
function rnn(cell, inputs, initial_states) {
  if (!cell.built) cell.build(inputs.shape[2]);
  let states = initial_states ?? cell.get_initial_state(inputs.shape[0]);
  let last_output = null;
  for (const x_t of tf.unstack(inputs, 1)) {
    const [output, new_states] = cell.call(x_t, states);
    last_output = output;
    states = new_states;
  }
  return [last_output, states];
}

function parity_batch(bsz) {
  const bits = range(bsz).map(() => range(SEQ_LEN).map(() => (Math.random() < 0.5 ? 1 : 0)));
  const y = bits.map((b) => [b.reduce((acc, v) => acc ^ v, 0)]);
  return [tf.tensor3d(bits.map((b) => b.map((v) => [v]))), tf.tensor2d(y)];
}

mgu_cell.build(1);
const head_w = tf.variable(tf.randomNormal([mgu_cell.units, 1], 0, 0.1));
const head_b = tf.variable(tf.zeros([1]));

// returns logits
const model = (x) => {
  const [last] = rnn(mgu_cell, x);
  return tf.matMul(last, head_w).add(head_b);
};

const optimizer = tf.train.adam(0.01);

for (const step of range(400)) {
  const [x, y] = parity_batch(64);
  const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, model(x)), true);
  if (step % 50 === 0) {
    const acc = tf.tidy(() => tf.sigmoid(model(x)).round().equal(y).mean().dataSync()[0]);
    console.log(`step ${step}: loss ${loss.dataSync()[0].toFixed(4)} acc ${acc.toFixed(3)}`);
  }
  tf.dispose([x, y, loss]);
}

const [x_test, y_test] = parity_batch(512);
const test_acc = tf.tidy(() => tf.sigmoid(model(x_test)).round().equal(y_test).mean().dataSync()[0]);
console.log(`test accuracy: ${test_acc.toFixed(3)} (chance = 0.5)`);
tf.dispose([x_test, y_test]);
