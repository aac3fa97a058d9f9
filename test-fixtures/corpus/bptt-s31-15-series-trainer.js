// expect: bptt-cut
// CommonJS trainer for a small ReLU RNN that predicts the next value of a univariate time series.
'use strict';

const tf = require('@tensorflow/tfjs');

const DEFAULTS = { units: 8, window: 12, learningRate: 0.02, epochs: 30, stateLimit: 4, seed: 9 };

function createParams(units, seed) {
  const rn = (shape, k) => tf.variable(tf.randomNormal(shape, 0, 0.3, 'float32', seed + k));
  return {
    wx: rn([1, units], 0),
    wh: rn([units, units], 1),
    b: tf.variable(tf.zeros([units])),
    wy: rn([units, 1], 2),
    by: tf.variable(tf.zeros([1])),
  };
}

/** Sliding windows: every `window` values predict the next one. */
function makeWindows(series, window) {
  const xs = [];
  const ys = [];
  for (let i = 0; i + window < series.length; i++) {
    xs.push(series.slice(i, i + window).map(v => [v]));
    ys.push([series[i + window]]);
  }
  return { xs: tf.tensor3d(xs), ys: tf.tensor2d(ys) };
}

/** Keeps ReLU activations from blowing up on long windows. */
function boundState(h, limit) {
  const values = h.dataSync().map(v => Math.min(v, limit));
  return tf.tensor(values, h.shape);
}

function forward(params, xs, opts) {
  let h = tf.zeros([xs.shape[0], opts.units]);
  for (const xt of tf.unstack(xs, 1)) {
    const pre = xt.matMul(params.wx).add(h.matMul(params.wh)).add(params.b);
    h = boundState(tf.relu(pre), opts.stateLimit);
  }
  return h.matMul(params.wy).add(params.by);
}

/**
 * Fits a model to `series`.
 * @param {number[]} series
 * @param {Partial<typeof DEFAULTS> & {onEpoch?: (e: number, loss: number) => void}} [options]
 */
function train(series, options = {}) {
  const opts = Object.assign({}, DEFAULTS, options);
  const params = createParams(opts.units, opts.seed);
  const { xs, ys } = makeWindows(series, opts.window);
  const optimizer = tf.train.adam(opts.learningRate);
  const history = [];

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const { value, grads } = tf.variableGrads(
      () => tf.losses.meanSquaredError(ys, forward(params, xs, opts)),
      Object.values(params));
    optimizer.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    history.push(loss);
    if (opts.onEpoch) opts.onEpoch(epoch, loss);
  }
  tf.dispose([xs, ys]);

  return {
    params,
    history,
    predictNext(recent) {
      return tf.tidy(() => {
        const x = tf.tensor3d([recent.slice(-opts.window).map(v => [v])]);
        return forward(params, x, opts).dataSync()[0];
      });
    },
  };
}

module.exports = { train, makeWindows, DEFAULTS };
