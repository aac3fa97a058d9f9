// expect: tidy-disposed-state
// Online next-value predictor for server CPU metrics: a GRU keeps context between samples and flags large residuals.
import * as tf from '@tensorflow/tfjs';

class StreamingGRU {
  constructor(hidden_size) {
    const self = this;
    const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.2));
    self.hidden_size = hidden_size;
    self.W = init([1, 3 * hidden_size]);
    self.U = init([hidden_size, 3 * hidden_size]);
    self.b = tf.variable(tf.zeros([3 * hidden_size]));
    self.V = init([hidden_size, 1]);
    self.c = tf.variable(tf.zeros([1]));
    self.hidden = null;
  }

  init_hidden() {
    return tf.zeros([1, this.hidden_size]);
  }

  reset() {
    if (this.hidden !== null) this.hidden.dispose();
    this.hidden = this.init_hidden();
  }

  forward(x, hidden) {
    const self = this;
    const [xr, xz, xn] = tf.split(tf.matMul(x, self.W).add(self.b), 3, 1);
    const [hr, hz, hn] = tf.split(tf.matMul(hidden, self.U), 3, 1);
    const r = tf.sigmoid(xr.add(hr));
    const z = tf.sigmoid(xz.add(hz));
    const n = tf.tanh(xn.add(r.mul(hn)));
    const h_next = tf.sub(1, z).mul(n).add(z.mul(hidden));
    const y = tf.matMul(h_next, self.V).add(self.c);
    return [y, h_next];
  }

  // consumes one sample, returns the prediction for the next one
  step(value) {
    const self = this;
    return tf.tidy(() => {
      const [pred, h_next] = self.forward(tf.tensor2d([[value]]), self.hidden);
      self.hidden = h_next;
      return pred.dataSync()[0];
    });
  }
}

function detect_anomalies(model, series, { warmup = 20, k = 3.0 } = {}) {
  model.reset();
  const residuals = [];
  const anomalies = [];
  let prediction = null;
  series.forEach((value, t) => {
    if (prediction !== null) {
      const residual = value - prediction;
      if (residuals.length >= warmup) {
        const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
        const std = Math.sqrt(residuals.reduce((a, b) => a + (b - mean) ** 2, 0) / residuals.length);
        if (Math.abs(residual - mean) > k * std) anomalies.push(t);
      }
      residuals.push(residual);
    }
    prediction = model.step(value);
  });
  return anomalies;
}

function synthetic_cpu(n, spikes) {
  return Array.from({ length: n }, (_, t) =>
    0.5 + 0.2 * Math.sin(t / 12) + 0.02 * (Math.random() - 0.5) + (spikes.includes(t) ? 0.6 : 0));
}

// weights come from the offline training job; random init keeps the demo self-contained
const model = new StreamingGRU(16);

const hosts = {
  'web-01': synthetic_cpu(300, [120, 121]),
  'web-02': synthetic_cpu(300, [250]),
  'db-01': synthetic_cpu(300, []),
};

for (const [host, series] of Object.entries(hosts)) {
  const flagged = detect_anomalies(model, series);
  console.log(`${host}: ${flagged.length} anomalous samples`, flagged);
}
