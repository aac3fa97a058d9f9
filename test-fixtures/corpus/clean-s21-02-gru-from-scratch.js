// expect: none
// GRU written by hand (following the d2l.ai chapter) to predict the next point of a noisy sine wave
const tf = require('@tensorflow/tfjs');

const NUM_INPUTS = 1;
const NUM_HIDDENS = 16;
const SEQ_LEN = 12;
const LR = 0.02;

function normal(shape) {
  return tf.variable(tf.randomNormal(shape, 0, 0.1));
}
function three() {
  return [normal([NUM_INPUTS, NUM_HIDDENS]), normal([NUM_HIDDENS, NUM_HIDDENS]), tf.variable(tf.zeros([NUM_HIDDENS]))];
}

const [W_xz, W_hz, b_z] = three(); // update gate
const [W_xr, W_hr, b_r] = three(); // reset gate
const [W_xh, W_hh, b_h] = three(); // candidate hidden state
const W_hq = normal([NUM_HIDDENS, 1]);
const b_q = tf.variable(tf.zeros([1]));

function gruStep(X, H) {
  const Z = tf.sigmoid(X.matMul(W_xz).add(H.matMul(W_hz)).add(b_z));
  const R = tf.sigmoid(X.matMul(W_xr).add(H.matMul(W_hr)).add(b_r));
  const H_tilde = tf.tanh(X.matMul(W_xh).add(R.mul(H).matMul(W_hh)).add(b_h));
  // H = Z * H + (1 - Z) * H_tilde
  return Z.mul(H).add(tf.onesLike(Z).sub(Z).mul(H_tilde));
}

function forward(xs) {
  // xs: [batch, time, 1]
  let H = tf.zeros([xs.shape[0], NUM_HIDDENS]);
  const steps = tf.unstack(xs, 1);
  for (const X of steps) {
    H = gruStep(X, H);
  }
  return H.matMul(W_hq).add(b_q);
}

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const start = Math.random() * 20;
    const win = [];
    for (let t = 0; t <= SEQ_LEN; t++) {
      win.push(Math.sin(start + t * 0.3) + (Math.random() - 0.5) * 0.05);
    }
    xs.push(win.slice(0, SEQ_LEN).map((v) => [v]));
    ys.push([win[SEQ_LEN]]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

const optimizer = tf.train.adam(LR);

async function main() {
  const train = makeData(128);
  const test = makeData(32);
  for (let epoch = 1; epoch <= 60; epoch++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(train.ys, forward(train.xs)), true);
    if (epoch % 10 === 0) {
      console.log(`epoch ${epoch}  train mse ${loss.dataSync()[0].toFixed(5)}`);
    }
    loss.dispose();
  }
  const testLoss = tf.tidy(() => tf.losses.meanSquaredError(test.ys, forward(test.xs)));
  console.log('test mse', testLoss.dataSync()[0].toFixed(5));
  // const preds = forward(test.xs); preds.print();
}

main();
