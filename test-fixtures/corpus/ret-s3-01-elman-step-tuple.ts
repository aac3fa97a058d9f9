// expect: returns-input-state
// Elman step function plus a per-token language-model loop; bug: elmanStep computes `hNext` but returns the incoming `hPrev` as the new state.
import * as tf from '@tensorflow/tfjs';

export interface ElmanParams {
  wxh: tf.Variable<tf.Rank.R2>;
  whh: tf.Variable<tf.Rank.R2>;
  why: tf.Variable<tf.Rank.R2>;
  bh: tf.Variable<tf.Rank.R1>;
  by: tf.Variable<tf.Rank.R1>;
}

export function elmanStep(p: ElmanParams, x: tf.Tensor2D, hPrev: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hNext = tf.tanh(tf.add(tf.add(tf.matMul(x, p.wxh), tf.matMul(hPrev, p.whh)), p.bh)) as tf.Tensor2D;
  const logits = tf.add(tf.matMul(hNext, p.why), p.by) as tf.Tensor2D;
  return [logits, hPrev];
}

export function sequenceLoss(p: ElmanParams, tokens: number[], vocabSize: number): tf.Scalar {
  return tf.tidy(() => {
    let h = tf.zeros([1, p.whh.shape[0]]) as tf.Tensor2D;
    const losses: tf.Scalar[] = [];
    for (let t = 0; t + 1 < tokens.length; t++) {
      const x = tf.oneHot(tf.tensor1d([tokens[t]], 'int32'), vocabSize).toFloat() as tf.Tensor2D;
      const [logits, hNew] = elmanStep(p, x, h);
      h = hNew;
      const target = tf.oneHot(tf.tensor1d([tokens[t + 1]], 'int32'), vocabSize);
      losses.push(tf.losses.softmaxCrossEntropy(target, logits) as tf.Scalar);
    }
    return tf.mean(tf.stack(losses)) as tf.Scalar;
  });
}

export const trainStep = (opt: tf.Optimizer, p: ElmanParams, tokens: number[], vocab: number): number =>
  opt.minimize(() => sequenceLoss(p, tokens, vocab), true)!.dataSync()[0];
