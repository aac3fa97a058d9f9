// expect: none
// A padded-batch RNN step that keeps the previous vector for padding positions via tf.where, used to encode variable-length support chats.
import * as tf from '@tensorflow/tfjs';

const EMB = 32;
const UNITS = 64;

const Wx = tf.variable(tf.randomNormal([EMB, UNITS], 0, 0.05));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.05));
const bh = tf.variable(tf.zeros([UNITS]));
const Wc = tf.variable(tf.randomNormal([UNITS, 3], 0, 0.05));
const optimizer = tf.train.adam(1e-3);

// maskT: [batch, 1] bool, true where the token at this position is real
function maskedStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, maskT: tf.Tensor2D): tf.Tensor2D {
  const hNew = tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(hPrev, Wh)), bh));
  const keep = tf.broadcastTo(maskT, hNew.shape);
  return tf.where(keep, hNew, hPrev) as tf.Tensor2D;
}

// xs: [batch, time, EMB], lengths: [batch]
export function encode(xs: tf.Tensor3D, lengths: number[]): tf.Tensor2D {
  const [batch, time] = xs.shape;
  const steps = tf.unstack(xs, 1) as tf.Tensor2D[];
  let h: tf.Tensor2D = tf.zeros([batch, UNITS]);
  for (let t = 0; t < time; t++) {
    const maskT = tf.tensor2d(lengths.map((len) => [t < len ? 1 : 0]), [batch, 1], 'bool');
    h = maskedStep(steps[t], h, maskT);
  }
  return h;
}

export function trainBatch(xs: tf.Tensor3D, lengths: number[], labels: number[]): number {
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
  const loss = optimizer.minimize(() => {
    const logits = tf.matMul(encode(xs, lengths), Wc);
    return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
  }, true);
  const v = loss!.dataSync()[0];
  tf.dispose([loss!, y]);
  return v;
}

export function padBatch(seqs: number[][][]): { xs: tf.Tensor3D; lengths: number[] } {
  const maxLen = Math.max(...seqs.map((s) => s.length));
  const lengths = seqs.map((s) => s.length);
  const padded = seqs.map((s) => [...s, ...Array.from({ length: maxLen - s.length }, () => new Array(EMB).fill(0))]);
  return { xs: tf.tensor3d(padded), lengths };
}

export function classify(seqs: number[][][]): number[] {
  const { xs, lengths } = padBatch(seqs);
  const out = tf.tidy(() => Array.from(tf.matMul(encode(xs, lengths), Wc).argMax(-1).dataSync()));
  xs.dispose();
  return out;
}
