// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function run(xs: tf.Tensor2D[], cell: tf.layers.RNNCell, units: number): tf.Tensor[] {
  const zero = tf.zeros([1, units]);
  const ys: tf.Tensor[] = [];
  outer: for (let t = 0, n = xs.length; t < n; ++t) {
    if (xs[t] == null) continue outer;
    const [y] = cell.call([xs[t], zero], {}) as tf.Tensor[];
    ys.push(y);
  }
  return ys;
}
