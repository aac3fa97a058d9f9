// expect: bptt-cut
// Library-style recurrent anomaly scorer for server metrics (options object, onBatch callback); inside optimizer.minimize each step's new hidden state is stored into this.memory via tf.variable(..., false) and read back by the next step.
import * as tf from '@tensorflow/tfjs';

export class MetricSequenceModel {
  constructor({ features, units = 48, lr = 2e-3, onBatch = null } = {}) {
    this.features = features;
    this.units = units;
    this.onBatch = onBatch;
    this.optimizer = tf.train.adam(lr);
    const rn = (s) => tf.variable(tf.randomNormal(s, 0, 0.08));
    this.weights = {
      Wi: rn([features, 3 * units]),
      Wh: rn([units, 3 * units]),
      b: tf.variable(tf.zeros([3 * units])),
      Wr: rn([units, features]),
    };
    this.memory = null;
    this.retired = [];
  }

  step(x) {
    const { Wi, Wh, b } = this.weights;
    const gates = x.matMul(Wi).add(this.memory.matMul(Wh)).add(b);
    const [u, r, c] = tf.split(gates, 3, 1);
    const update = tf.sigmoid(u);
    const cand = tf.tanh(c.add(tf.sigmoid(r).mul(this.memory)));
    return update.mul(cand).add(tf.sub(1, update).mul(this.memory));
  }

  reconstructionLoss(window) {
    const [batch, steps] = window.shape;
    if (this.memory) this.retired.push(this.memory);
    this.memory = tf.variable(tf.zeros([batch, this.units]), false);
    const errs = [];
    for (let t = 0; t < steps - 1; t++) {
      const x = window.slice([0, t, 0], [batch, 1, this.features]).squeeze([1]);
      const target = window.slice([0, t + 1, 0], [batch, 1, this.features]).squeeze([1]);
      const hNew = this.step(x);
      this.retired.push(this.memory);
      this.memory = tf.variable(hNew, false);
      errs.push(tf.losses.huberLoss(target, hNew.matMul(this.weights.Wr)));
    }
    return tf.addN(errs).div(errs.length);
  }

  async fit(windows, epochs = 5) {
    const vars = Object.values(this.weights);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < windows.length; i++) {
        const loss = this.optimizer.minimize(() => this.reconstructionLoss(windows[i]), true, vars);
        const value = (await loss.data())[0];
        loss.dispose();
        this.retired.forEach((v) => v.dispose());
        this.retired = [];
        if (this.onBatch) this.onBatch({ epoch, batch: i, loss: value });
      }
    }
    if (this.memory) { this.memory.dispose(); this.memory = null; }
  }

  score(window) {
    return tf.tidy(() => this.reconstructionLoss(window).dataSync()[0]);
  }
}

export async function trainFromRows(rows, windowLen = 60) {
  const features = rows[0].length;
  const windows = [];
  for (let s = 0; s + windowLen <= rows.length; s += windowLen) {
    windows.push(tf.tensor3d([rows.slice(s, s + windowLen)]));
  }
  const model = new MetricSequenceModel({
    features,
    onBatch: ({ epoch, batch, loss }) => {
      if (batch % 20 === 0) console.log(`[metrics-rnn] epoch=${epoch} batch=${batch} huber=${loss.toFixed(4)}`);
    },
  });
  await model.fit(windows, 8);
  return model;
}
