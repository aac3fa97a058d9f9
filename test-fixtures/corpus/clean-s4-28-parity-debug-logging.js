// expect: none
// Node script training an LSTM (tf.basicLSTMCell) on the bit-parity task; when DEBUG_STATE is set the loss closure prints hidden-state norms via dataSync() without touching the state, and arraySync() is used afterwards only to dump activations.
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const UNITS = 16;
const SEQ_LEN = 20;
const DEBUG = Boolean(process.env.DEBUG_STATE);

const kernel = tf.variable(tf.randomNormal([1 + UNITS, 4 * UNITS], 0, 0.2));
const bias = tf.variable(tf.zeros([4 * UNITS]));
const wOut = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.2));
const forgetBias = tf.scalar(1.0);

function makeBatch(n) {
  const xs = [], ys = [];
  for (let i = 0; i < n; i++) {
    const bits = Array.from({ length: SEQ_LEN }, () => (Math.random() < 0.5 ? 0 : 1));
    xs.push(bits.map((b) => [b]));
    ys.push([bits.reduce((a, b) => a ^ b, 0)]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

function run(xs, trace) {
  const [batch] = xs.shape;
  let c = tf.zeros([batch, UNITS]);
  let h = tf.zeros([batch, UNITS]);
  for (let t = 0; t < SEQ_LEN; t++) {
    const x = xs.slice([0, t, 0], [batch, 1, 1]).reshape([batch, 1]);
    [c, h] = tf.basicLSTMCell(forgetBias, kernel, bias, x, c, h);
    if (trace) trace(t, h);
  }
  return h.matMul(wOut);
}

async function main() {
  const optimizer = tf.train.adam(0.01);
  for (let iter = 1; iter <= 400; iter++) {
    const { xs, ys } = makeBatch(64);
    const debugThisIter = DEBUG && iter % 50 === 0;
    const loss = optimizer.minimize(() => {
      const logits = run(xs, debugThisIter ? (t, h) => {
        if (t % 5 === 0) console.log(`  t=${t} |h|=${tf.norm(h).dataSync()[0].toFixed(3)} h[0]=${h.dataSync()[0].toFixed(3)}`);
      } : null);
      return tf.losses.sigmoidCrossEntropy(ys, logits);
    }, true);
    if (iter % 50 === 0) {
      const acc = tf.tidy(() => run(xs).greater(0).toFloat().equal(ys).mean().dataSync()[0]);
      console.log(`iter ${iter} loss=${loss.dataSync()[0].toFixed(4)} acc=${acc.toFixed(3)}`);
    }
    tf.dispose([loss, xs, ys]);
  }

  const { xs } = makeBatch(1);
  const trajectory = [];
  tf.tidy(() => { run(xs, (t, h) => trajectory.push(h.arraySync()[0])); });
  fs.writeFileSync('parity-activations.json', JSON.stringify({ input: xs.arraySync()[0], trajectory }));
  xs.dispose();
}

main();
