// expect: stale-state, stacked-activation
// Node CLI (CommonJS) that reads hourly load readings from CSV and emits a next-hour forecast per row.
'use strict';

const fs = require('fs');
const tf = require('@tensorflow/tfjs');

const cell = {
  hidden: 8,
  params: null,

  init(weights) {
    const w = weights || {};
    const t = (k, shape) => (w[k] ? tf.tensor(w[k], shape) : tf.randomNormal(shape, 0, 0.2));
    this.params = {
      wx: t('wx', [3, this.hidden]),
      wh: t('wh', [this.hidden, this.hidden]),
      b: t('b', [this.hidden]),
      wy: t('wy', [this.hidden, 1]),
      by: t('by', [1])
    };
    return this;
  },

  zero() {
    return tf.zeros([1, this.hidden]);
  },

  step(x, h) {
    const p = this.params;
    const hNew = tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b));
    const y = tf.relu(tf.tanh(tf.add(tf.matMul(hNew, p.wy), p.by)));
    return { y, h: hNew };
  }
};

function parseCsv(text) {
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number))
    .filter((row) => row.every(Number.isFinite));
}

function forecastSeries(rows, peak) {
  return tf.tidy(() => {
    const feats = rows.map(([hour, temp, load]) => [hour / 23, temp / 40, load / peak]);
    const xs = tf.split(tf.tensor2d(feats), feats.length, 0);
    const state = cell.zero();
    const preds = [];
    for (let t = 0; t < xs.length; t++) {
      const { y } = cell.step(xs[t], state);
      preds.push(y);
    }
    return tf.concat(preds, 0).mul(peak).arraySync().map((r) => r[0]);
  });
}

function run(csvPath, weightsPath, done) {
  fs.readFile(weightsPath, 'utf8', (werr, wtext) => {
    cell.init(werr ? null : JSON.parse(wtext));
    fs.readFile(csvPath, 'utf8', (err, text) => {
      if (err) return done(err);
      const rows = parseCsv(text);
      if (rows.length === 0) return done(new Error('no rows in ' + csvPath));
      const peak = Math.max(...rows.map((r) => r[2]), 1);
      let preds;
      try {
        preds = forecastSeries(rows, peak);
      } catch (e) {
        return done(e);
      }
      done(null, rows.map((r, i) => ({ hour: r[0], actual: r[2], next: preds[i] })));
    });
  });
}

module.exports = { cell, run, parseCsv };

if (require.main === module) {
  run(process.argv[2] || 'load.csv', process.argv[3] || 'weights.json', (err, out) => {
    if (err) {
      console.error(err.message);
      process.exit(1);
    }
    for (const r of out) console.log(`${r.hour}\t${r.actual}\t${r.next.toFixed(1)}`);
  });
}
