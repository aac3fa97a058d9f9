// expect: stale-state
// Unrolls a GRU with Array.reduce over frames; the reducer returns the accumulator's old `h` (shorthand) and only appends hNext to outs, so each frame is fed the initial state.
import * as tf from '@tensorflow/tfjs';

/**
 * @param {number} inDim
 * @param {number} units
 */
export function initParams(inDim, units) {
  const rnd = (shape) => tf.variable(tf.randomNormal(shape, 0, 0.1));
  return {
    W: rnd([inDim, 3 * units]),
    U: rnd([units, 3 * units]),
    b: tf.variable(tf.zeros([3 * units])),
    units,
  };
}

/**
 * @param {ReturnType<typeof initParams>} p
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 */
function gru(p, x, h) {
  const [xz, xr, xn] = tf.split(tf.matMul(x, p.W).add(p.b), 3, -1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, p.U), 3, -1);
  const z = tf.sigmoid(xz.add(hz));
  const r = tf.sigmoid(xr.add(hr));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return z.mul(h).add(tf.onesLike(z).sub(z).mul(n));
}

/**
 * @param {ReturnType<typeof initParams>} p
 * @param {tf.Tensor3D} seq [batch, time, inDim]
 * @returns {tf.Tensor3D} all hidden states [batch, time, units]
 */
export function unroll(p, seq) {
  const frames = tf.unstack(seq, 1);
  const h0 = tf.zeros([seq.shape[0], p.units]);
  const { outs } = frames.reduce(
    ({ h, outs }, x) => {
      const hNext = gru(p, x, h);
      return { h, outs: [...outs, hNext] };
    },
    { h: h0, outs: [] },
  );
  return tf.stack(outs, 1);
}

/**
 * Next-frame regression on a batch of clips, full BPTT through `unroll`.
 * @param {tf.Tensor3D} clips [batch, time, dim]
 */
export async function fitNextFrame(clips, epochs = 40) {
  const [, time, dim] = clips.shape;
  const p = initParams(dim, 32);
  const head = tf.variable(tf.randomNormal([32, dim], 0, 0.1));
  const opt = tf.train.adam(0.003);
  const inputs = clips.slice([0, 0, 0], [-1, time - 1, -1]);
  const targets = clips.slice([0, 1, 0], [-1, time - 1, -1]);

  for (let e = 0; e < epochs; e++) {
    const loss = opt.minimize(() => {
      const states = unroll(p, inputs);
      const [b, t] = states.shape;
      const pred = states.reshape([b * t, 32]).matMul(head).reshape([b, t, dim]);
      return tf.losses.meanSquaredError(targets, pred);
    }, true);
    if (e % 10 === 0) console.log(`epoch ${e} mse ${(await loss.data())[0].toFixed(5)}`);
    loss.dispose();
    await tf.nextFrame();
  }
  return { p, head };
}
