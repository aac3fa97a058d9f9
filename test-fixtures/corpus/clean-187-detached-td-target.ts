// expect: none
// TD(0) value learning with a recurrent critic: the bootstrapped TARGETS are read back and rebuilt
// on purpose (targets must not receive gradient); the hidden state itself is threaded inside the
// tape and never detached.
import * as tf from '@tensorflow/tfjs';

export function tdUpdate(
  obs: tf.Tensor2D[],
  rewards: number[],
  step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D,
  value: (h: tf.Tensor2D) => tf.Tensor,
  optimizer: tf.Optimizer,
  units: number,
  gamma = 0.99,
): void {
  optimizer.minimize(() => {
    let h = tf.zeros([1, units]) as tf.Tensor2D;
    const values: tf.Tensor[] = [];
    for (const o of obs) {
      h = step(o, h);
      values.push(value(h).reshape([]));
    }
    const v = tf.stack(values);
    const vNumbers = Array.from(v.dataSync());
    const targets = tf.tensor1d(rewards.map((r, t) => r + (t + 1 < vNumbers.length ? gamma * vNumbers[t + 1] : 0)));
    return tf.losses.meanSquaredError(targets, v) as tf.Scalar;
  });
}
