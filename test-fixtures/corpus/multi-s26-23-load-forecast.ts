// expect: stale-state, bptt-cut
// tslab notebook: hourly power-load forecaster; train a small RNN, then roll it forward autoregressively for the next day.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: series ---
const HOURS = 24 * 8;
const load = Array.from({ length: HOURS }, (_, t) => 0.6 + 0.3 * Math.sin((2 * Math.PI * t) / 24) + 0.1 * Math.sin((2 * Math.PI * t) / 168));
const WINDOW = 24;

// --- cell 2: params + a state slot ---
const H = 16;
const Wx = tf.variable(tf.randomNormal([1, H], 0, 0.5, 'float32', 1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.25, 'float32', 2));
const bh = tf.variable(tf.zeros([H]));
const Wy = tf.variable(tf.randomNormal([H, 1], 0, 0.3, 'float32', 3));
const by = tf.variable(tf.zeros([1]));
const state = tf.variable(tf.zeros([1, H]), false);

function stepFn(x: number, h: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const hNew = tf.tanh(tf.matMul(tf.tensor2d([[x]]), Wx).add(tf.matMul(h, Wh)).add(bh));
  return [tf.matMul(hNew, Wy).add(by), hNew];
}

// --- cell 3: train on sliding windows ---
const opt = tf.train.adam(0.01);
const windowLoss = (start: number) => (): tf.Scalar => {
  state.assign(tf.zeros([1, H]));
  let total = tf.scalar(0);
  for (let t = start; t < start + WINDOW; t++) {
    const [y, hNew] = stepFn(load[t], state);
    state.assign(hNew);
    total = total.add(tf.square(y.sub(load[t + 1])).mean());
  }
  return total.div(WINDOW) as tf.Scalar;
};

const curve: { epoch: number; loss: number }[] = [];
for (let epoch = 0; epoch < 6; epoch++) {
  let sum = 0;
  let n = 0;
  for (let start = 0; start + WINDOW + 1 < HOURS - 24; start += 12) {
    const l = opt.minimize(windowLoss(start), true);
    sum += l!.dataSync()[0];
    l!.dispose();
    n += 1;
  }
  curve.push({ epoch, loss: +(sum / n).toFixed(5) });
}
console.table(curve);

// --- cell 4: warm up on the last known day ---
function warm(history: number[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, H]);
  for (const v of history) h = tf.tidy(() => stepFn(v, h)[1]);
  return h;
}

// --- cell 5: autoregressive forecast as a generator ---
function* forecast(history: number[], horizon: number): Generator<number> {
  const h = warm(history);
  let x = history[history.length - 1];
  for (let k = 0; k < horizon; k++) {
    const [y, hNext] = tf.tidy(() => stepFn(x, h));
    x = y.dataSync()[0];
    tf.dispose([y, hNext]);
    yield x;
  }
}

// --- cell 6: compare with the held-out last day ---
const history = load.slice(HOURS - 48, HOURS - 24);
const actual = load.slice(HOURS - 24);
const predicted = Array.from(forecast(history, 24));
console.table(predicted.filter((_, i) => i % 4 === 0).map((p, i) => ({ hour: i * 4, pred: +p.toFixed(3), actual: +actual[i * 4].toFixed(3) })));
