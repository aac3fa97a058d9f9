// expect: none
import * as tf from '@tensorflow/tfjs';

export function run(xs: tf.Tensor2D[], cell: tf.layers.RNNCell, units: number): tf.Tensor[] {
  let state: tf.Tensor = tf.zeros([1, units]);
  const ys: tf.Tensor[] = [];
  outer: for (let t = 0, n = xs.length; t < n; ++t) {
    if (xs[t] == null) continue outer;
    const [y, next] = cell.call([xs[t], state], {}) as tf.Tensor[];
    state = next;
    ys.push(y);
  }
  return ys;
}
