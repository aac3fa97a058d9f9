// expect: none
// ODE-RNN forecaster for long irregularly sampled glucose records: Euler-integrated latent dynamics between readings, GRU update at each reading.
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
const HIDDEN = 48;
const MAX_DT = 0.25; // hours per Euler step
const WINDOW = 32; // readings per gradient window

const w = (r, c) => tf.variable(tf.randomNormal([r, c], 0, 1 / Math.sqrt(r)));
const net = {
  f1: w(UNITS, HIDDEN), fb1: tf.variable(tf.zeros([HIDDEN])),
  f2: w(HIDDEN, UNITS), fb2: tf.variable(tf.zeros([UNITS])),
  gW: w(1, 3 * UNITS), gU: w(UNITS, 3 * UNITS), gb: tf.variable(tf.zeros([3 * UNITS])),
  dec: w(UNITS, 1), decb: tf.variable(tf.zeros([1])),
};

const dynamics = (h) => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(h, net.f1), net.fb1)), net.f2), net.fb2);

function evolve(h, dt) {
  const n = Math.max(1, Math.ceil(dt / MAX_DT));
  let z = h;
  for (let k = 0; k < n; k++) z = tf.add(z, tf.mul(dt / n, dynamics(z)));
  return z;
}

function gruUpdate(x, h) {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, net.gW), net.gb), 3, 1);
  const [Uz, Ur, Un] = tf.split(net.gU, 3, 1);
  const z = tf.sigmoid(tf.add(xz, tf.matMul(h, Uz)));
  const r = tf.sigmoid(tf.add(xr, tf.matMul(h, Ur)));
  const n = tf.tanh(tf.add(xn, tf.matMul(tf.mul(r, h), Un)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
}

// Predict each reading from the evolved state *before* it is observed, then absorb it.
function runWindow(h0, tStart, readings) {
  let h = h0;
  let tPrev = tStart;
  const errs = [];
  for (const { t, value } of readings) {
    h = evolve(h, t - tPrev);
    const pred = tf.add(tf.matMul(h, net.dec), net.decb);
    errs.push(tf.squaredDifference(pred, value));
    h = gruUpdate(tf.tensor2d([[value]]), h);
    tPrev = t;
  }
  return { h, loss: tf.mean(tf.concat(errs, 0)) };
}

function fakeRecord(hours) {
  const readings = [];
  let t = 0;
  while (t < hours) {
    const meal = Math.max(0, Math.sin((2 * Math.PI * t) / 6));
    readings.push({ t, value: 0.5 * meal + 0.1 * Math.sin(t / 24) + 0.05 * (Math.random() - 0.5) });
    t += 0.1 + Math.random() * 1.5;
  }
  return readings;
}

const records = Array.from({ length: 12 }, () => fakeRecord(24 * 7));
const optimizer = tf.train.adam(1e-3);

for (let epoch = 1; epoch <= 5; epoch++) {
  let total = 0;
  let windows = 0;
  for (const record of records) {
    // Truncated BPTT, on purpose: each window of WINDOW readings is its own gradient
    // tape. The state handed to the next window is the kept value from the previous
    // tape, so no gradient crosses a window boundary; a week of readings in one tape
    // would not fit in memory. Records are independent, so each starts from zeros.
    let carry = tf.zeros([1, UNITS]);
    let tStart = record[0].t;
    for (let s = 0; s < record.length; s += WINDOW) {
      const chunk = record.slice(s, s + WINDOW);
      if (chunk.length < 4) break; // drop a short tail
      const h0 = carry;
      const loss = optimizer.minimize(() => {
        const out = runWindow(h0, tStart, chunk);
        carry = tf.keep(out.h);
        return out.loss;
      }, true);
      h0.dispose();
      tStart = chunk[chunk.length - 1].t;
      total += (await loss.data())[0];
      windows++;
      loss.dispose();
    }
    carry.dispose();
  }
  console.log(`epoch ${epoch}: mean window MSE ${(total / windows).toFixed(5)}`);
}
