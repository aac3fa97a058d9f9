// expect: bptt-cut
// Seq2seq Elman encoder/decoder training step with optimizer.minimize; bug: inside the closure the encoder's final state is copied into a new tf.variable (`context`) before decoding, so no gradient reaches the encoder weights through it.
import * as tf from '@tensorflow/tfjs';

type Mat = tf.Variable<tf.Rank.R2>;
export interface Seq2SeqWeights {
  encW: Mat; encU: Mat;
  decW: Mat; decU: Mat;
  outW: Mat;
}

const rnn = (x: tf.Tensor2D, h: tf.Tensor2D, W: Mat, U: Mat): tf.Tensor2D =>
  tf.tanh(tf.add(tf.matMul(x, W), tf.matMul(h, U)));

export function trainPair(
  opt: tf.Optimizer,
  w: Seq2SeqWeights,
  src: tf.Tensor2D[],
  tgtIn: tf.Tensor2D[],
  tgtOut: tf.Tensor2D[],
): number {
  const loss = opt.minimize(() => {
    let h = tf.zeros([src[0].shape[0], w.encU.shape[0]]) as tf.Tensor2D;
    src.forEach((x) => {
      h = rnn(x, h, w.encW, w.encU);
    });
    const context = tf.variable(h, false);
    let d: tf.Tensor2D = context;
    const stepLosses = tgtIn.map((y, t) => {
      d = rnn(y, d, w.decW, w.decU);
      return tf.losses.softmaxCrossEntropy(tgtOut[t], tf.matMul(d, w.outW)) as tf.Scalar;
    });
    return tf.addN(stepLosses).div(stepLosses.length) as tf.Scalar;
  }, true);
  const value = loss?.dataSync()[0] ?? NaN;
  loss?.dispose();
  return value;
}
