// expect: none
// ES module: batched encoder for variable-length sensor traces, using a per-step mask so padding never updates state.
import * as tf from '@tensorflow/tfjs';

const defaults = { units: 20, features: 6, batchSize: 16 };

export const maskedRnn = {
  init(opts) {
    const o = Object.assign({}, defaults, opts);
    const s = 1 / Math.sqrt(o.units);
    this.units = o.units;
    this.wx = tf.randomUniform([o.features, o.units], -s, s);
    this.wh = tf.randomUniform([o.units, o.units], -s, s);
    this.b = tf.zeros([o.units]);
    return this;
  },

  /**
   * @param {tf.Tensor2D} x     [batch, features]
   * @param {tf.Tensor2D} h     [batch, units]
   * @param {tf.Tensor2D} mask  [batch, 1], 1 for real steps, 0 for padding
   */
  step(x, h, mask) {
    const candidate = tf.tanh(tf.add(tf.add(tf.matMul(x, this.wx), tf.matMul(h, this.wh)), this.b));
    return tf.add(tf.mul(mask, candidate), tf.mul(tf.sub(1, mask), h));
  }
};

function padBatch(traces, features) {
  const maxLen = Math.max(...traces.map((t) => t.length));
  const data = [];
  const mask = [];
  for (const t of traces) {
    const rows = t.slice();
    const m = t.map(() => 1);
    while (rows.length < maxLen) {
      rows.push(new Array(features).fill(0));
      m.push(0);
    }
    data.push(rows);
    mask.push(m);
  }
  return { data, mask, maxLen };
}

export function encodeBatch(cell, traces, features = defaults.features) {
  const { data, mask, maxLen } = padBatch(traces, features);
  return tf.tidy(() => {
    const xs = tf.unstack(tf.tensor3d(data), 1);
    const ms = tf.unstack(tf.tensor2d(mask), 1).map((m) => m.expandDims(1));
    let h = tf.zeros([traces.length, cell.units]);
    for (let t = 0; t < maxLen; t++) {
      h = cell.step(xs[t], h, ms[t]);
    }
    return h.arraySync();
  });
}

export async function encodeAll(traces, opts = {}) {
  const o = Object.assign({}, defaults, opts);
  const cell = o.cell || maskedRnn.init(o);
  const usable = traces.filter((t) => t.length > 0);
  const out = [];
  for (let i = 0; i < usable.length; i += o.batchSize) {
    const chunk = usable.slice(i, i + o.batchSize);
    out.push(...encodeBatch(cell, chunk, o.features));
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}
