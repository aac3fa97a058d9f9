// expect: none
// CommonJS helper that scores sensor logs chunk by chunk with a stateful LSTM, one log at a time.
'use strict';

const tf = require('@tensorflow/tfjs');

const DEFAULTS = {
  units: 24,
  chunk: 20,
  features: 6,
  threshold: 0.8
};

function buildModel(opts) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units: opts.units,
    stateful: true,
    returnSequences: false,
    batchInputShape: [1, opts.chunk, opts.features]
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

/**
 * Walks one log in fixed-size chunks; the LSTM state carries across chunks of the same log.
 * @param {tf.LayersModel} model
 * @param {number[][]} rows
 * @param {{chunk: number, features: number}} opts
 * @returns {number[]}
 */
function scoreLog(model, rows, opts) {
  model.resetStates();
  const scores = [];
  for (let start = 0; start + opts.chunk <= rows.length; start += opts.chunk) {
    const slab = rows.slice(start, start + opts.chunk);
    const p = tf.tidy(() => {
      const x = tf.tensor3d([slab], [1, opts.chunk, opts.features]);
      const y = /** @type {tf.Tensor} */ (model.predict(x));
      return y.dataSync()[0];
    });
    scores.push(p);
  }
  return scores;
}

/**
 * @param {{id: string, rows: number[][]}[]} logs
 * @param {object} options
 * @param {(err: Error|null, result?: object) => void} done
 */
exports.scoreLogs = function scoreLogs(logs, options, done) {
  if (typeof options === 'function') {
    done = options;
    options = {};
  }
  const opts = Object.assign({}, DEFAULTS, options);
  let model;
  try {
    model = opts.model || buildModel(opts);
  } catch (err) {
    return done(err);
  }

  const report = {};
  let i = 0;
  function next() {
    if (i >= logs.length) {
      if (!opts.model) model.dispose();
      return done(null, report);
    }
    const log = logs[i++];
    try {
      const scores = scoreLog(model, log.rows, opts);
      report[log.id] = {
        scores,
        flagged: scores.some((s) => s > opts.threshold)
      };
    } catch (err) {
      return done(err);
    }
    setImmediate(next);
  }
  next();
};

exports.buildModel = buildModel;
exports.DEFAULTS = DEFAULTS;
