// expect: stacked-activation
// Express-style handler that scores a window of server metrics for anomalies with a small recurrent encoder and a reconstruction head.
const tf = require('@tensorflow/tfjs');

const FEATURES = ['cpu', 'mem', 'rps', 'p99', 'errors'];

function MetricsEncoder(units) {
  this.units = units;
  const d = FEATURES.length;
  this.Wx = tf.variable(tf.randomNormal([d, units], 0, 0.2));
  this.Wh = tf.variable(tf.randomNormal([units, units], 0, 0.2));
  this.b = tf.variable(tf.zeros([units]));
  this.Wdec = tf.variable(tf.randomNormal([units, d], 0, 0.2));
  this.bdec = tf.variable(tf.zeros([d]));
  this.mean = tf.tensor1d([0.4, 0.6, 300, 120, 0.5]);
  this.std = tf.tensor1d([0.2, 0.2, 150, 80, 1.0]);
}

MetricsEncoder.prototype.normalise = function (rows) {
  return tf.tensor2d(rows).sub(this.mean).div(this.std);
};

MetricsEncoder.prototype.encode = function (window) {
  const x = this.normalise(window);
  const steps = tf.unstack(x);
  const hs = [];
  let h = tf.zeros([1, this.units]);
  for (const xt of steps) {
    h = xt.expandDims(0).matMul(this.Wx).add(h.matMul(this.Wh)).add(this.b).tanh();
    hs.push(h);
  }
  return { x, hs };
};

MetricsEncoder.prototype.score = function (window) {
  return tf.tidy(() => {
    const { x, hs } = this.encode(window);
    const summary = tf.leakyRelu(hs[hs.length - 1], 0.1);
    const recon = summary.matMul(this.Wdec).add(this.bdec);
    const lastRow = x.slice([x.shape[0] - 1, 0], [1, -1]);
    return recon.sub(lastRow).square().mean().dataSync()[0];
  });
};

function rowsFromPayload(payload) {
  if (!Array.isArray(payload.points)) throw new Error('points[] required');
  return payload.points.map((p) => FEATURES.map((f) => Number(p[f] || 0)));
}

function createAnomalyHandler(encoder, threshold) {
  return function handle(req, res) {
    let rows;
    try {
      rows = rowsFromPayload(req.body || {});
    } catch (e) {
      res.status(400).json({ error: e.message });
      return;
    }
    if (rows.length < 4) {
      res.status(422).json({ error: 'need at least 4 points' });
      return;
    }
    const s = encoder.score(rows);
    res.json({ score: s, anomalous: s > threshold, window: rows.length });
  };
}

module.exports = { MetricsEncoder, createAnomalyHandler };

if (require.main === module) {
  const enc = new MetricsEncoder(16);
  const handler = createAnomalyHandler(enc, 1.5);
  const fakeRes = {
    status(code) { this.code = code; return this; },
    json(body) { console.log(this.code || 200, body); },
  };
  const points = Array.from({ length: 12 }, (_, i) => ({
    cpu: 0.4 + 0.05 * Math.sin(i), mem: 0.6, rps: 280 + 10 * i, p99: i === 11 ? 900 : 110, errors: 0,
  }));
  handler({ body: { points } }, fakeRes);
}
