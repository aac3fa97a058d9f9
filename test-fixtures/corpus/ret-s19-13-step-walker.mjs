// expect: returns-input-state
// Walks a GRU over a sequence through a hand-written iterator; every step threads an immutable context object forward.
import * as tf from '@tensorflow/tfjs';

export function gruParams(inputDim, units, outDim, seed = 41) {
  const r = (shape, k) => tf.randomNormal(shape, 0, 0.35, 'float32', seed + k);
  return {
    units,
    Wz: r([inputDim, units], 0), Uz: r([units, units], 1),
    Wr: r([inputDim, units], 2), Ur: r([units, units], 3),
    Wc: r([inputDim, units], 4), Uc: r([units, units], 5),
    V: r([units, outDim], 6),
  };
}

export function gruStep(p, ctx, x) {
  const { h } = ctx;
  const { hNext, y } = tf.tidy(() => {
    const z = tf.sigmoid(tf.matMul(x, p.Wz).add(tf.matMul(h, p.Uz)));
    const rg = tf.sigmoid(tf.matMul(x, p.Wr).add(tf.matMul(h, p.Ur)));
    const cand = tf.tanh(tf.matMul(x, p.Wc).add(tf.matMul(rg.mul(h), p.Uc)));
    const hNew = tf.sub(1, z).mul(h).add(z.mul(cand));
    return { hNext: hNew, y: tf.matMul(hNew, p.V) };
  });
  if (ctx.trace) ctx.trace.push(hNext.norm().dataSync()[0]);
  return { ...ctx, h, y, t: ctx.t + 1 };
}

export class SequenceWalker {
  constructor(params, xs, h0, trace) {
    this.params = params;
    this.xs = xs;
    this.ctx = { h: h0 || tf.zeros([xs[0].shape[0], params.units]), y: null, t: 0, trace };
  }

  [Symbol.iterator]() {
    return this;
  }

  next() {
    if (this.ctx.t >= this.xs.length) return { done: true, value: undefined };
    const prevY = this.ctx.y;
    this.ctx = gruStep(this.params, this.ctx, this.xs[this.ctx.t]);
    if (prevY) prevY.dispose();
    return { done: false, value: { t: this.ctx.t - 1, y: this.ctx.y } };
  }

  get state() {
    return this.ctx.h;
  }
}

export function collectOutputs(params, xs) {
  const walker = new SequenceWalker(params, xs);
  const rows = [];
  for (const { y } of walker) rows.push(Array.from(y.dataSync()));
  return { rows, final: walker.state };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = gruParams(3, 6, 2);
  const xs = [0, 1, 2, 3].map(() => tf.tensor2d([[0.4, -0.2, 0.9]]));
  const { rows } = collectOutputs(p, xs);
  rows.forEach((r, t) => console.log(`t=${t}`, r.map((v) => v.toFixed(4)).join(' ')));
}
