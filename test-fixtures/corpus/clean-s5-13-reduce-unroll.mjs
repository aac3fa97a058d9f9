// expect: none
// Scan via Array.reduce where the reducer returns the new state as the accumulator and records it on the side; trained end-to-end inside minimize.
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');

const UNITS = 8;

const params = {
  Wx: tf.variable(tf.randomNormal([1, 2 * UNITS], 0, 0.3)),
  Wh: tf.variable(tf.randomNormal([UNITS, 2 * UNITS], 0, 0.3)),
  b: tf.variable(tf.zeros([2 * UNITS])),
  out: tf.variable(tf.randomNormal([UNITS, 1], 0, 0.3)),
};

/**
 * Minimal gated unit: f gates how much of h survives, the candidate uses f*h.
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 */
function mgu(x, h) {
  const [fx, cx] = tf.split(x.matMul(params.Wx).add(params.b), 2, 1);
  const [fh, ch] = tf.split(h.matMul(params.Wh), 2, 1);
  const f = tf.sigmoid(fx.add(fh));
  const cand = tf.tanh(cx.add(f.mul(ch)));
  return tf.sub(1, f).mul(h).add(f.mul(cand));
}

/**
 * @param {tf.Tensor2D[]} xs
 * @param {tf.Tensor2D} h0
 */
function scan(xs, h0) {
  const states = [];
  const last = xs.reduce((h, x) => {
    const next = mgu(x, h);
    states.push(next);
    return next;
  }, h0);
  return { last, states };
}

// task: running sum of a random walk, predicted from every state
function makeBatch(batch, time) {
  const raw = tf.randomUniform([batch, time, 1], -1, 1);
  const target = tf.cumsum(raw, 1).mul(0.5);
  return { xs: tf.unstack(raw, 1), ys: tf.unstack(target, 1) };
}

const opt = tf.train.adam(0.02);
const { xs, ys } = makeBatch(16, 10);

for (let epoch = 0; epoch < 60; epoch++) {
  const loss = opt.minimize(() => {
    const { states } = scan(xs, tf.zeros([16, UNITS]));
    const preds = states.map((h) => h.matMul(params.out));
    return tf.losses.meanSquaredError(tf.concat(ys, 0), tf.concat(preds, 0));
  }, true);
  if (epoch % 20 === 0 || epoch === 59) {
    console.log(`epoch ${epoch}: ${loss.dataSync()[0].toFixed(4)}`);
  }
  loss.dispose();
}

const check = tf.tidy(() => {
  const { last } = scan(xs, tf.zeros([16, UNITS]));
  return last.matMul(params.out).sub(ys[ys.length - 1]).abs().mean();
});
console.log('final-step MAE', check.dataSync()[0].toFixed(4));
