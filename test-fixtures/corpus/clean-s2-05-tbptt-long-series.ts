// expect: none
import * as tf from '@tensorflow/tfjs';

type Step = (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

// One long continuous signal, trained with truncated BPTT over fixed windows.
// The hidden state intentionally carries over between windows of the same series.
export function trainTBPTT(
  step: Step,
  readout: (h: tf.Tensor2D) => tf.Tensor2D,
  series: tf.Tensor2D[],
  targets: tf.Tensor2D[],
  units: number,
  chunk = 20,
): void {
  const optimizer = tf.train.rmsprop(1e-3);
  let carry = tf.zeros([1, units]) as tf.Tensor2D;

  for (let start = 0; start + chunk <= series.length; start += chunk) {
    let nextCarry: tf.Tensor2D | null = null;
    optimizer.minimize(() => {
      let h = carry;
      const losses: tf.Scalar[] = [];
      for (let t = start; t < start + chunk; t++) {
        h = step(series[t], h);
        losses.push(tf.losses.meanSquaredError(targets[t], readout(h)) as tf.Scalar);
      }
      nextCarry = tf.keep(h);
      return tf.addN(losses).div(chunk) as tf.Scalar;
    });
    carry.dispose();
    carry = nextCarry!;
  }
  carry.dispose();
}
