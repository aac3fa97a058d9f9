// expect: unused-hidden-state
// Node script: hand-written GRU forecasting a noisy sine wave; gruStep() concatenates the input with the module-level initial state h0 instead of its hPrev argument.
const tf = require('@tensorflow/tfjs');

const HIDDEN = 24;
const WINDOW = 40;
const LR = 0.01;

const init = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
const params = {
  Wz: init(1 + HIDDEN, HIDDEN), bz: tf.variable(tf.zeros([HIDDEN])),
  Wr: init(1 + HIDDEN, HIDDEN), br: tf.variable(tf.zeros([HIDDEN])),
  Wh: init(1 + HIDDEN, HIDDEN), bh: tf.variable(tf.zeros([HIDDEN])),
  Wy: init(HIDDEN, 1), by: tf.variable(tf.zeros([1])),
};
const h0 = tf.zeros([1, HIDDEN]);

function gruStep(xt, hPrev) {
  const xh = tf.concat([xt, h0], 1);
  const z = tf.sigmoid(tf.matMul(xh, params.Wz).add(params.bz));
  const r = tf.sigmoid(tf.matMul(xh, params.Wr).add(params.br));
  const xrh = tf.concat([xt, r.mul(h0)], 1);
  const hTilde = tf.tanh(tf.matMul(xrh, params.Wh).add(params.bh));
  return tf.sub(1, z).mul(h0).add(z.mul(hTilde));
}

function makeSeries(n, noise = 0.05) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sin(i * 0.15) + noise * (Math.random() * 2 - 1);
  return out;
}

function windowLoss(series, start) {
  let h = h0;
  let total = tf.scalar(0);
  for (let t = 0; t < WINDOW; t++) {
    const xt = tf.tensor2d([[series[start + t]]]);
    h = gruStep(xt, h);
    const pred = tf.matMul(h, params.Wy).add(params.by);
    total = total.add(tf.losses.meanSquaredError(tf.tensor2d([[series[start + t + 1]]]), pred));
  }
  return total.div(WINDOW);
}

async function main() {
  const series = makeSeries(2000);
  const optimizer = tf.train.adam(LR);
  for (let epoch = 0; epoch < 30; epoch++) {
    let epochLoss = 0;
    for (let s = 0; s + WINDOW + 1 < series.length; s += WINDOW) {
      const cost = optimizer.minimize(() => windowLoss(series, s), true);
      epochLoss += (await cost.data())[0];
      cost.dispose();
    }
    console.log(`epoch ${epoch} loss ${(epochLoss / (series.length / WINDOW)).toFixed(5)} tensors=${tf.memory().numTensors}`);
  }
  const weights = Object.fromEntries(await Promise.all(
    Object.entries(params).map(async ([k, v]) => [k, Array.from(await v.data())]),
  ));
  require('fs').writeFileSync('gru-sine-weights.json', JSON.stringify(weights));
}

main().catch((err) => { console.error(err); process.exit(1); });
