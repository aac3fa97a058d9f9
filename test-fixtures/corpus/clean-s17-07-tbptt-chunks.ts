// expect: none
// Truncated BPTT trainer for long sensor streams: each stream is split into chunks of K steps.
import * as tf from '@tensorflow/tfjs';

export interface TbpttModel {
  wx: tf.Variable;
  wh: tf.Variable;
  wy: tf.Variable;
}

export function createModel(inDim: number, hidden: number): TbpttModel {
  return {
    wx: tf.variable(tf.randomNormal([inDim, hidden], 0, 0.3, 'float32', 1)),
    wh: tf.variable(tf.randomNormal([hidden, hidden], 0, 0.3, 'float32', 2)),
    wy: tf.variable(tf.randomNormal([hidden, 1], 0, 0.3, 'float32', 3)),
  };
}

function runChunk(m: TbpttModel, xs: tf.Tensor2D[], h0: tf.Tensor2D) {
  let h = h0;
  const preds: tf.Tensor2D[] = [];
  for (const x of xs) {
    h = tf.tanh(tf.matMul(x, m.wx).add(tf.matMul(h, m.wh))) as tf.Tensor2D;
    preds.push(tf.matMul(h, m.wy) as tf.Tensor2D);
  }
  return { h, preds: tf.concat(preds, 1) as tf.Tensor2D };
}

export function trainStream(
  m: TbpttModel,
  opt: tf.Optimizer,
  stream: tf.Tensor2D[],
  targets: tf.Tensor2D,
  k: number,
): number[] {
  const losses: number[] = [];
  // Fresh state for every stream.
  let carry: tf.Tensor2D = tf.zeros([stream[0].shape[0], m.wh.shape[0]]);
  for (let start = 0; start < stream.length; start += k) {
    const xs = stream.slice(start, start + k);
    const ys = targets.slice([0, start], [-1, xs.length]);
    let lastH: tf.Tensor2D | null = null;
    const loss = opt.minimize(() => {
      const { h, preds } = runChunk(m, xs, carry);
      lastH = tf.keep(h);
      return tf.losses.meanSquaredError(ys, preds) as tf.Scalar;
    }, true);
    // Truncation point: the next chunk starts from the value of the state, not its history,
    // so gradients only flow back K steps. This is the whole point of TBPTT.
    const detached = tf.tidy(() => tf.clone(lastH as unknown as tf.Tensor2D));
    (lastH as unknown as tf.Tensor2D).dispose();
    carry.dispose();
    carry = detached;
    losses.push(loss!.dataSync()[0]);
    tf.dispose([loss!, ys]);
  }
  carry.dispose();
  return losses;
}

export function trainEpoch(m: TbpttModel, streams: Array<{ xs: tf.Tensor2D[]; ys: tf.Tensor2D }>, k = 5) {
  const opt = tf.train.sgd(0.05);
  return streams.map((s) => trainStream(m, opt, s.xs, s.ys, k));
}
