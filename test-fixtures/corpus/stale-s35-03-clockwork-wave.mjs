// expect: stale-state
// Clockwork RNN (Koutník et al., 2014) fitted to a multi-frequency waveform with teacher forcing.
import * as tf from '@tensorflow/tfjs';

const MODULES = 6; // periods 1, 2, 4, ..., 32
const MODULE_SIZE = 8;
const UNITS = MODULES * MODULE_SIZE;
const PERIODS = Array.from({ length: MODULES }, (_, g) => 2 ** g);
const SEQ_LEN = 128;

const moduleOf = (unit) => Math.floor(unit / MODULE_SIZE);

// Connections run only from slower (or equal-period) modules into faster ones,
// i.e. the recurrent matrix is block upper-triangular in module order.
function recurrentMask() {
  const rows = [];
  for (let src = 0; src < UNITS; src++) {
    const row = [];
    for (let dst = 0; dst < UNITS; dst++) row.push(moduleOf(src) >= moduleOf(dst) ? 1 : 0);
    rows.push(row);
  }
  return tf.tensor2d(rows);
}

function activeUnits(t) {
  const a = [];
  for (let u = 0; u < UNITS; u++) a.push(t % PERIODS[moduleOf(u)] === 0 ? 1 : 0);
  return tf.tensor2d([a]);
}

const params = {
  Wi: tf.variable(tf.randomNormal([1, UNITS], 0, 0.1)),
  Wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 1 / Math.sqrt(UNITS))),
  bh: tf.variable(tf.zeros([UNITS])),
  Wo: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.1)),
  bo: tf.variable(tf.zeros([1])),
};
const MASK = recurrentMask();
const ACTIVE = Array.from({ length: SEQ_LEN }, (_, t) => activeUnits(t));

function clockworkStep(p, xt, h, t) {
  const Wh = tf.mul(p.Wh, MASK);
  const cand = tf.tanh(tf.add(tf.add(tf.matMul(xt, p.Wi), tf.matMul(h, Wh)), p.bh));
  const act = ACTIVE[t];
  // modules whose clock does not tick keep their previous activation
  return tf.add(tf.mul(act, cand), tf.mul(tf.sub(1, act), h));
}

function unroll(p, inputs, h0) {
  const outputs = [];
  let hLast = h0;
  inputs.forEach((xt, t) => {
    hLast = clockworkStep(p, xt, h0, t);
    outputs.push(tf.add(tf.matMul(hLast, p.Wo), p.bo));
  });
  return { outputs, hLast };
}

const wave = Array.from(
  { length: SEQ_LEN + 1 },
  (_, t) => 0.5 * Math.sin(t / 3) + 0.3 * Math.sin(t / 11) + 0.2 * Math.sin(t / 29),
);
const inputs = wave.slice(0, SEQ_LEN).map((v) => tf.tensor2d([[v]]));
const target = tf.tensor2d(wave.slice(1), [SEQ_LEN, 1]);

const optimizer = tf.train.rmsprop(1e-3, 0.95);

for (let it = 0; it <= 400; it++) {
  const loss = optimizer.minimize(() => {
    const { outputs } = unroll(params, inputs, tf.zeros([1, UNITS]));
    return tf.losses.meanSquaredError(target, tf.concat(outputs, 0));
  }, true);
  if (it % 50 === 0) console.log(`iter ${it}  mse ${(await loss.data())[0].toFixed(5)}`);
  loss.dispose();
}

const fitted = tf.tidy(() => tf.concat(unroll(params, inputs, tf.zeros([1, UNITS])).outputs, 0));
console.log('first predictions:', Array.from(await fitted.data()).slice(0, 8).map((v) => v.toFixed(3)));
fitted.dispose();
