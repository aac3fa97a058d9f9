// expect: none
// Dilated GRU stack (Chang et al., 2017) for univariate series classification, trained with tf.variableGrads.
const tf = require('@tensorflow/tfjs');

const DILATIONS = [1, 2, 4, 8];
const UNITS = 32;
const T = 128;
const CLASSES = 3;

function gruCell(inDim, units) {
  const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
  return { units, W: w(inDim, 3 * units), U: w(units, 3 * units), b: tf.variable(tf.zeros([3 * units])) };
}

function gruStep(cell, x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, cell.W), cell.b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, cell.U), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
}

// h_t depends on h_{t-d}: the first d steps start from zeros, after that we look back d outputs.
function dilatedLayer(cell, inputs, d) {
  const B = inputs[0].shape[0];
  const zero = tf.zeros([B, cell.units]);
  const outs = [];
  inputs.forEach((x, t) => {
    const hPrev = t >= d ? outs[t - d] : zero;
    outs.push(gruStep(cell, x, hPrev));
  });
  return outs;
}

const cells = DILATIONS.map((_, l) => gruCell(l === 0 ? 1 : UNITS, UNITS));
const head = { W: tf.variable(tf.randomNormal([UNITS, CLASSES], 0, 0.05)), b: tf.variable(tf.zeros([CLASSES])) };

function logits(xs) {
  let seq = tf.unstack(xs, 1);
  DILATIONS.forEach((d, l) => {
    seq = dilatedLayer(cells[l], seq, d);
  });
  return tf.add(tf.matMul(seq[seq.length - 1], head.W), head.b);
}

// Classes: sine, square and sawtooth waves with random period and phase.
function makeBatch(n) {
  const xb = tf.buffer([n, T, 1]);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(Math.random() * CLASSES);
    const period = 16 + Math.random() * 32;
    const phase = Math.random();
    labels.push(k);
    for (let t = 0; t < T; t++) {
      const u = (t / period + phase) % 1;
      const v = k === 0 ? Math.sin(2 * Math.PI * u) : k === 1 ? (u < 0.5 ? 1 : -1) : 2 * u - 1;
      xb.set(v + 0.1 * (Math.random() - 0.5), i, t, 0);
    }
  }
  return { xs: xb.toTensor(), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES) };
}

async function main() {
  const optimizer = tf.train.adam(2e-3);
  for (let it = 1; it <= 400; it++) {
    const { xs, ys } = makeBatch(32);
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(ys, logits(xs)));
    optimizer.applyGradients(grads);
    if (it % 50 === 0) {
      const acc = tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(logits(xs), 1), tf.argMax(ys, 1)), 'float32')));
      console.log(`iter ${it}  loss ${(await value.data())[0].toFixed(4)}  batch acc ${(await acc.data())[0].toFixed(3)}`);
      acc.dispose();
    }
    tf.dispose([xs, ys, value, grads]);
  }
}

main();
