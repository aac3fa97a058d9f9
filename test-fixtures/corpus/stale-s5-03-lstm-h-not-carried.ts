// expect: stale-state
// Hand-rolled LSTM encoder: the loop carries c forward but never assigns hNext back to h, so every step sees the initial h.
import * as tf from '@tensorflow/tfjs';

export interface LstmParams {
  wx: tf.Tensor2D; // [inDim, 4 * units]
  wh: tf.Tensor2D; // [units, 4 * units]
  b: tf.Tensor1D; // [4 * units]
}

export function initLstm(inDim: number, units: number): LstmParams {
  const scale = 1 / Math.sqrt(units);
  return {
    wx: tf.variable(tf.randomUniform([inDim, 4 * units], -scale, scale)) as tf.Variable<tf.Rank.R2>,
    wh: tf.variable(tf.randomUniform([units, 4 * units], -scale, scale)) as tf.Variable<tf.Rank.R2>,
    // forget-gate bias of 1 helps early training
    b: tf.variable(tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])])) as tf.Variable<tf.Rank.R1>,
  };
}

function lstmStep(p: LstmParams, x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D) {
  const z = tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b);
  const [zi, zf, zg, zo] = tf.split(z, 4, 1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D;
  const hNext = tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D;
  return { h: hNext, c: cNext };
}

/**
 * Encodes a batch of sequences shaped [batch, time, features] and returns
 * the per-step hidden states stacked as [batch, time, units].
 */
export function encode(p: LstmParams, seq: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, steps] = seq.shape;
    const units = p.wh.shape[0];
    let h = tf.zeros([batch, units]) as tf.Tensor2D;
    let c = tf.zeros([batch, units]) as tf.Tensor2D;
    const outputs: tf.Tensor2D[] = [];
    const frames = tf.unstack(seq, 1) as tf.Tensor2D[];
    for (let t = 0; t < steps; t++) {
      const { h: hNext, c: cNext } = lstmStep(p, frames[t], h, c);
      outputs.push(hNext);
      c = cNext;
    }
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}

export function trainStep(
  p: LstmParams,
  head: tf.Variable,
  opt: tf.Optimizer,
  seq: tf.Tensor3D,
  target: tf.Tensor2D,
): number {
  const loss = opt.minimize(() => {
    const states = encode(p, seq);
    const last = tf.squeeze(tf.slice(states, [0, seq.shape[1] - 1, 0], [-1, 1, -1]), [1]);
    const pred = tf.matMul(last as tf.Tensor2D, head as tf.Variable<tf.Rank.R2>);
    return tf.losses.meanSquaredError(target, pred) as tf.Scalar;
  }, true);
  const value = loss ? loss.dataSync()[0] : NaN;
  loss?.dispose();
  return value;
}

export function demo(): number {
  const p = initLstm(3, 8);
  const head = tf.variable(tf.randomNormal([8, 1], 0, 0.1));
  const opt = tf.train.adam(0.01);
  const seq = tf.randomNormal([4, 6, 3]) as tf.Tensor3D;
  const target = tf.sum(seq, [1, 2]).reshape([4, 1]) as tf.Tensor2D;
  let last = NaN;
  for (let i = 0; i < 20; i++) last = trainStep(p, head, opt, seq, target);
  return last;
}
