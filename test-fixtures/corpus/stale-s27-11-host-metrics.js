// expect: stale-state
// Watches per-host CPU / p99 latency series and reports hosts whose one-step-ahead prediction error spikes.
'use strict';
const tf = require('@tensorflow/tfjs');

class MetricPredictor {
  constructor(units = 10, seed = 61) {
    this.units = units;
    this.wx = tf.randomNormal([2, units], 0, 0.5, 'float32', seed);
    this.wh = tf.randomNormal([units, units], 0, 0.3, 'float32', seed + 1);
    this.b = tf.zeros([units]);
    this.wo = tf.randomNormal([units, 2], 0, 0.4, 'float32', seed + 2);
  }

  step(x, h) {
    const next = tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)).add(this.b));
    return { pred: next.matMul(this.wo), h: next };
  }
}

function normalise(point) {
  return [point.cpu / 100, Math.log1p(point.p99ms) / 8];
}

function predictionErrors(model, series) {
  return tf.tidy(() => {
    let hidden = tf.zeros([1, model.units]);
    const errs = [];
    series.slice(0, -1).forEach((point, t) => {
      const x = tf.tensor2d([normalise(point)]);
      const { pred, h } = model.step(x, hidden);
      const target = tf.tensor2d([normalise(series[t + 1])]);
      errs.push(tf.mean(tf.square(pred.sub(target))).dataSync()[0]);
    });
    return errs;
  });
}

function spikes(errs, k = 3) {
  const mean = errs.reduce((a, e) => a + e, 0) / errs.length;
  const sd = Math.sqrt(errs.reduce((a, e) => a + (e - mean) ** 2, 0) / errs.length) || 1e-9;
  return errs.map((e, i) => ({ i, z: (e - mean) / sd })).filter((r) => r.z > k);
}

function scanFleet(model, fleet) {
  const report = {};
  Object.keys(fleet).forEach((host) => {
    const errs = predictionErrors(model, fleet[host]);
    const hits = spikes(errs);
    if (hits.length) report[host] = hits.map((r) => `t=${r.i} z=${r.z.toFixed(1)}`);
  });
  return report;
}

function synthSeries(n, incidentAt) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const cpu = 40 + 15 * Math.sin(i / 12) + (i === incidentAt ? 50 : 0);
    const p99ms = 120 + 30 * Math.cos(i / 9) + (i === incidentAt ? 900 : 0);
    out.push({ cpu, p99ms });
  }
  return out;
}

module.exports = { MetricPredictor, predictionErrors, spikes, scanFleet, synthSeries };

if (require.main === module) {
  const model = new MetricPredictor();
  const fleet = {
    'api-1': synthSeries(200, 150),
    'api-2': synthSeries(200, -1),
    'db-1': synthSeries(200, 60),
  };
  console.log(JSON.stringify(scanFleet(model, fleet), null, 2));
}
