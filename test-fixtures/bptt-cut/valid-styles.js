// JavaScript: tf.valueAndGrads and tf.grad with the unroll inside the function.
const tf = require('@tensorflow/tfjs');

const units = 8;
const W = tf.variable(tf.randomNormal([3, units], 0, 0.1));
const U = tf.variable(tf.randomNormal([units, units], 0, 0.1));
const step = (x, h, u) => tf.tanh(x.matMul(W).add(h.matMul(u)));

function recurrentGrad(xs, y) {
  const f = (u) => {
    let h = tf.zeros([1, units]);
    xs.forEach((x) => {
      h = step(x, h, u);
    });
    return tf.losses.meanSquaredError(y, h);
  };
  return tf.grad(f)(U);
}

function valueAndGrads(xs, y) {
  return tf.valueAndGrads((u) => {
    let h = tf.zeros([1, units]);
    let t = 0;
    while (t < xs.length) {
      h = step(xs[t], h, u);
      t++;
    }
    return tf.losses.meanSquaredError(y, h);
  })([U]);
}

// A factory-made loss closure that unrolls inside itself and keeps the graph (a read-back for
// logging only, not rebuilt into the state).
function lossFor(xs, y) {
  return () => {
    let h = tf.zeros([1, 8]);
    for (const x of xs) h = step(x, h, U);
    console.log('last state norm', h.norm().arraySync());
    return tf.losses.meanSquaredError(y, h);
  };
}

function trainFactory(xs, y, optimizer) {
  optimizer.minimize(lossFor(xs, y));
}

// The same inline-recurrence helper, called inside the closure; and a value computed in the loop
// from the input only (no state), used inside the closure.
function forwardSequence(frames) {
  let h = tf.zeros([1, units]);
  let prob = null;
  for (const x of frames) {
    const hNew = tf.tanh(x.matMul(W).add(h.matMul(U)));
    prob = hNew.sum(1, true).sigmoid();
    h = hNew;
  }
  return prob;
}

function meanInput(frames) {
  let h = tf.zeros([1, units]);
  let avg = null;
  for (const x of frames) {
    const hNew = tf.tanh(x.matMul(W).add(h.matMul(U)));
    avg = x.mean(0, true);
    h = hNew;
  }
  return avg;
}

function trainInside(frames, ys, optimizer) {
  optimizer.minimize(() => tf.losses.logLoss(ys, forwardSequence(frames)));
  const avg = meanInput(frames);
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, avg.matMul(U)));
}

// The tidy-wrapped unroll inside the closure; a method the closure calls that keeps the state a
// tensor (a zero start in a variable is no state).
function trainTidyInside(frames, ys, optimizer) {
  optimizer.minimize(() => tf.losses.logLoss(ys, tf.tidy(() => forwardSequence(frames))));
}

class KeptScorer {
  loss(window) {
    this.start = tf.variable(tf.zeros([1, units]), false);
    let h = this.start;
    for (const x of window) h = step(x, h, U);
    this.last = h;
    return h.square().mean();
  }

  fit(windows, optimizer) {
    for (const w of windows) optimizer.minimize(() => this.loss(w));
  }
}

module.exports = { recurrentGrad, valueAndGrads, trainFactory, trainInside, trainTidyInside, KeptScorer };

// The same JS clamp in a free-running generator, outside any gradient, and a clamp kept on the
// tape with tf.clipByValue inside the training closure.
const LIMIT = 3;
const Wc = tf.variable(tf.randomNormal([LIMIT, LIMIT], 0, 0.1));
const stepC = (x, h) => tf.tanh(x.matMul(Wc).add(h.matMul(Wc)));

function clampJs(h) {
  const raw = h.dataSync();
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = Math.max(-LIMIT, Math.min(LIMIT, raw[i]));
  return tf.tensor2d(out, h.shape);
}

function freeRun(x0, steps) {
  let h = tf.zeros([1, LIMIT]);
  for (let t = 0; t < steps; t++) h = clampJs(stepC(x0, h));
  return h;
}

function trainClipped(xs, y, optimizer) {
  return optimizer.minimize(() => {
    let h = tf.zeros([1, LIMIT]);
    for (const x of xs) h = tf.clipByValue(stepC(x, h), -LIMIT, LIMIT);
    return h.sub(y).square().mean();
  }, true);
}

// Buffers that fill each other, and variables assigned from each other, rebuilt inside the
// closure: no read-back anywhere, and following the copies must end (it once overflowed the stack).
function pingPong(n) {
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) { a[i] = b[i]; b[i] = a[i]; }
  return tf.tensor2d(a, [1, n]);
}

function trainWithBias(xs, y, optimizer) {
  return optimizer.minimize(() => {
    let p = [[0, 0, 0]];
    let q = p;
    p = q;
    q = p;
    let h = tf.zeros([1, LIMIT]);
    for (const x of xs) h = stepC(x, h);
    return h.add(pingPong(LIMIT)).add(tf.tensor2d(p)).sub(y).square().mean();
  }, true);
}

module.exports.freeRun = freeRun;
module.exports.trainClipped = trainClipped;
module.exports.trainWithBias = trainWithBias;
