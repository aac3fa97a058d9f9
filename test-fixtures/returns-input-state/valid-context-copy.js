// Steps that hand an updated copy of an immutable context onward: the new state, a mask carried
// unchanged, and settings copied with a new learning rate.
import * as tf from '@tensorflow/tfjs';

export function gruStep(p, ctx, x) {
  const { h, mask } = ctx;
  const z = tf.sigmoid(tf.matMul(x, p.Wz).add(tf.matMul(h, p.Uz)));
  const cand = tf.tanh(tf.matMul(x, p.Wc).add(tf.matMul(z.mul(h), p.Uc)));
  const hNext = tf.sub(1, z).mul(h).add(z.mul(cand)).mul(mask);
  return { ...ctx, h: hNext, mask, y: tf.matMul(hNext, p.V), t: ctx.t + 1 };
}

export function decayStep(settings, epoch) {
  const lr = settings.lr * Math.pow(0.5, epoch / 10);
  return { ...settings, lr };
}

export function walk(p, xs, h0, mask) {
  let ctx = { h: h0, mask, y: null, t: 0 };
  let settings = { lr: 0.1 };
  const ys = [];
  for (const x of xs) {
    ctx = gruStep(p, ctx, x);
    settings = decayStep(settings, ctx.t);
    ys.push(ctx.y);
  }
  return { ys, settings };
}
