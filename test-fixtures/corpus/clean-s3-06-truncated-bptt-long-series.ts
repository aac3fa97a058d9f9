// expect: none
// Truncated BPTT over ONE long continuous time series: each window is unrolled inside optimizer.minimize, and the final state is deliberately carried (as a constant, via tf.keep) into the next window of the same series.
import * as tf from '@tensorflow/tfjs';

const UNITS = 24;
const Wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.2));
const Wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.1));
const bh = tf.variable(tf.zeros([UNITS]));
const Wo = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.2));
const optimizer = tf.train.adam(5e-3);

export function trainTruncated(series: Float32Array, windowLen = 32, epochs = 5): number[] {
  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let carry = tf.keep(tf.zeros([1, UNITS]) as tf.Tensor2D);
    let epochLoss = 0;
    for (let start = 0; start + windowLen + 1 <= series.length; start += windowLen) {
      let nextCarry: tf.Tensor2D | null = null;
      const loss = optimizer.minimize(() => {
        let h = carry;
        const errs: tf.Scalar[] = [];
        for (let t = start; t < start + windowLen; t++) {
          const x = tf.tensor2d([[series[t]]]);
          h = tf.tanh(tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), bh));
          errs.push(tf.losses.meanSquaredError(tf.tensor2d([[series[t + 1]]]), tf.matMul(h, Wo)) as tf.Scalar);
        }
        nextCarry = tf.keep(h.clone());
        return tf.mean(tf.stack(errs)) as tf.Scalar;
      }, true);
      epochLoss += loss!.dataSync()[0];
      loss!.dispose();
      carry.dispose();
      carry = nextCarry!;
    }
    carry.dispose();
    history.push(epochLoss);
  }
  return history;
}
