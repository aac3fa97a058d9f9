// expect: stacked-activation
// Additive (Bahdanau) attention with a temperature-controlled variant, plus the GRU decoder step that uses it.
import * as tf from '@tensorflow/tfjs';

const init = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.2));

export class AdditiveAttention {
  constructor(keyDim, queryDim, units) {
    this.Wk = init([keyDim, units]);
    this.Wq = init([queryDim, units]);
    this.v = init([units, 1]);
  }

  /** keys [B,T,K], query [B,Q] -> scores [B,T] */
  score(query, keys) {
    const [B, T, K] = keys.shape;
    const projKeys = tf.matMul(keys.reshape([B * T, K]), this.Wk).reshape([B, T, -1]);
    const projQuery = tf.matMul(query, this.Wq).expandDims(1);
    const e = tf.tanh(tf.add(projKeys, projQuery));
    return tf.matMul(e.reshape([B * T, -1]), this.v).reshape([B, T]);
  }

  align(query, keys, mask) {
    let scores = this.score(query, keys);
    if (mask) scores = tf.where(tf.cast(mask, 'bool'), scores, tf.fill(scores.shape, -1e9));
    return tf.softmax(scores);
  }

  forward(query, keys, mask) {
    const weights = this.align(query, keys, mask);
    const context = tf.matMul(weights.expandDims(1), keys).squeeze([1]);
    return { context, weights };
  }
}

export class TemperedAttention extends AdditiveAttention {
  constructor(keyDim, queryDim, units, temperature = 0.5) {
    super(keyDim, queryDim, units);
    this.temperature = temperature;
  }

  align(query, keys, mask) {
    const base = super.align(query, keys, mask);
    return tf.softmax(tf.div(base, this.temperature));
  }
}

export class AttnGRUDecoder {
  constructor({ embDim, keyDim, units, vocab, attention }) {
    this.units = units;
    this.attention = attention ?? new TemperedAttention(keyDim, units, units);
    this.Wx = init([embDim + keyDim, 3 * units]);
    this.Wh = init([units, 3 * units]);
    this.Wo = init([units + keyDim, vocab]);
  }

  step(yEmb, hidden, keys, mask) {
    return tf.tidy(() => {
      const { context, weights } = this.attention.forward(hidden, keys, mask);
      const x = tf.concat([yEmb, context], 1);
      const [xz, xr, xn] = tf.split(tf.matMul(x, this.Wx), 3, 1);
      const [hz, hr, hn] = tf.split(tf.matMul(hidden, this.Wh), 3, 1);
      const z = tf.sigmoid(xz.add(hz));
      const r = tf.sigmoid(xr.add(hr));
      const n = tf.tanh(xn.add(r.mul(hn)));
      const h = tf.sub(1, z).mul(n).add(z.mul(hidden));
      const logits = tf.matMul(tf.concat([h, context], 1), this.Wo);
      return { logits, hidden: h, weights };
    });
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const dec = new AttnGRUDecoder({ embDim: 8, keyDim: 12, units: 16, vocab: 40 });
  const keys = tf.randomNormal([2, 5, 12]);
  const mask = tf.tensor2d([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]]);
  let hidden = tf.zeros([2, 16]);
  for (let t = 0; t < 3; t++) {
    const out = dec.step(tf.randomNormal([2, 8]), hidden, keys, mask);
    hidden.dispose();
    hidden = out.hidden;
    out.weights.print();
    tf.dispose([out.logits, out.weights]);
  }
}
