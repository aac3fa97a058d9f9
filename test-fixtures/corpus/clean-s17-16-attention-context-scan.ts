// expect: none
// Conditional GRU decoder: the encoder summary vector and padding mask are fed to every decoding step.
import * as tf from '@tensorflow/tfjs';

export interface CondParams {
  wx: tf.Tensor2D;
  wc: tf.Tensor2D;
  uz: tf.Tensor2D;
  wz: tf.Tensor2D;
  uh: tf.Tensor2D;
  wy: tf.Tensor2D;
}

export function initParams(inDim: number, ctxDim: number, units: number, vocab: number): CondParams {
  const n = (s: [number, number], seed: number) => tf.randomNormal(s, 0, 0.3, 'float32', seed) as tf.Tensor2D;
  return {
    wx: n([inDim, units], 61),
    wc: n([ctxDim, units], 62),
    uz: n([units, units], 63),
    wz: n([inDim, units], 64),
    uh: n([units, units], 65),
    wy: n([units, vocab], 66),
  };
}

function condStep(p: CondParams, x: tf.Tensor2D, context: tf.Tensor2D, mask: tf.Tensor2D, h: tf.Tensor2D) {
  const z = tf.sigmoid(tf.matMul(x, p.wz).add(tf.matMul(h, p.uz)));
  const cand = tf.tanh(tf.matMul(x, p.wx).add(tf.matMul(context, p.wc)).add(tf.matMul(h, p.uh)));
  const mixed = z.mul(h).add(tf.onesLike(z).sub(z).mul(cand));
  // Padded positions keep the previous state.
  const hNext = mask.mul(mixed).add(tf.onesLike(mask).sub(mask).mul(h)) as tf.Tensor2D;
  return { y: tf.matMul(hNext, p.wy) as tf.Tensor2D, h: hNext };
}

export function decodeTeacherForced(
  p: CondParams,
  inputs: tf.Tensor2D[],
  context: tf.Tensor2D,
  masks: tf.Tensor2D[],
): tf.Tensor3D {
  return tf.tidy(() => {
    const init = { h: tf.zeros([context.shape[0], p.uz.shape[0]]) as tf.Tensor2D, ys: [] as tf.Tensor2D[] };
    const final = inputs.reduce((acc, x, t) => {
      const { y, h } = condStep(p, x, context, masks[t], acc.h);
      return { h, ys: acc.ys.concat([y]) };
    }, init);
    return tf.stack(final.ys, 1) as tf.Tensor3D;
  });
}

export function demo(): number[] {
  const p = initParams(4, 6, 8, 5);
  const context = tf.randomNormal([2, 6], 0, 1, 'float32', 7) as tf.Tensor2D;
  const inputs = [0, 1, 2].map((s) => tf.randomNormal([2, 4], 0, 1, 'float32', s) as tf.Tensor2D);
  const masks = [tf.tensor2d([[1], [1]]), tf.tensor2d([[1], [1]]), tf.tensor2d([[1], [0]])];
  const out = decodeTeacherForced(p, inputs, context, masks);
  return out.shape;
}
