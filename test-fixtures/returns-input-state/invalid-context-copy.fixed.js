// A GRU walked over a sequence; each step hands an updated copy of an immutable context onward.
import * as tf from '@tensorflow/tfjs';

export function gruStep(p, ctx, x) {
  const { h } = ctx;
  const z = tf.sigmoid(tf.matMul(x, p.Wz).add(tf.matMul(h, p.Uz)));
  const cand = tf.tanh(tf.matMul(x, p.Wc).add(tf.matMul(z.mul(h), p.Uc)));
  const hNext = tf.sub(1, z).mul(h).add(z.mul(cand));
  return { ...ctx, h: hNext, y: tf.matMul(hNext, p.V), t: ctx.t + 1 };
//                 ~ returns-input-state
}

export function walk(p, xs, h0) {
  let ctx = { h: h0, y: null, t: 0 };
  const ys = [];
  for (const x of xs) {
    ctx = gruStep(p, ctx, x);
    ys.push(ctx.y);
  }
  return ys;
}
