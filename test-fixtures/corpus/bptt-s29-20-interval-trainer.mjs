// expect: bptt-cut
// In-page personalisation: buffers the user's scroll speeds and, every couple of seconds, trains an RNN to predict the next one.
import * as tf from '@tensorflow/tfjs';

const UNITS = 8;
const WINDOW = 12;

const cell = {
  wx: tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 101), true, 'scroll_wx'),
  wh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 102), true, 'scroll_wh'),
  b: tf.variable(tf.zeros([UNITS]), true, 'scroll_b'),
};
const head = {
  w: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 103), true, 'scroll_hw'),
  b: tf.variable(tf.zeros([1]), true, 'scroll_hb'),
};
const optimizer = tf.train.rmsprop(0.01);
const speeds = [];

function encodeWindows(windows) {
  let h = tf.zeros([windows.length, UNITS]);
  for (let t = 0; t < WINDOW; t++) {
    const xt = tf.tensor2d(windows.map((w) => [w[t]]));
    h = tf.tanh(xt.matMul(cell.wx).add(h.matMul(cell.wh)).add(cell.b));
  }
  return h;
}

function makeBatch() {
  const windows = [];
  const targets = [];
  for (let i = 0; i + WINDOW < speeds.length; i += 3) {
    windows.push(speeds.slice(i, i + WINDOW));
    targets.push([speeds[i + WINDOW]]);
  }
  return windows.length ? { windows, targets } : null;
}

export function trainTick() {
  const batch = makeBatch();
  if (!batch) return null;
  const y = tf.tensor2d(batch.targets);
  const hLast = tf.tidy(() => encodeWindows(batch.windows));
  const { value, grads } = tf.variableGrads(() =>
    tf.losses.meanSquaredError(y, hLast.matMul(head.w).add(head.b)),
  );
  optimizer.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([y, hLast, value, grads]);
  return loss;
}

export function predictNext() {
  if (speeds.length < WINDOW) return null;
  return tf.tidy(() => {
    const h = encodeWindows([speeds.slice(-WINDOW)]);
    return h.matMul(head.w).add(head.b).dataSync()[0];
  });
}

export function recordSpeed(v) {
  speeds.push(Math.tanh(v / 2000));
  if (speeds.length > 400) speeds.splice(0, speeds.length - 400);
}

export function start(target = globalThis.window) {
  let lastY = target.scrollY ?? 0;
  let lastT = performance.now();
  target.addEventListener('scroll', () => {
    const now = performance.now();
    const y = target.scrollY ?? 0;
    recordSpeed((y - lastY) / Math.max(1, now - lastT) * 1000);
    lastY = y;
    lastT = now;
  }, { passive: true });
  return setInterval(() => {
    const loss = trainTick();
    if (loss !== null) console.debug('scroll model loss', loss.toFixed(4));
  }, 2000);
}
