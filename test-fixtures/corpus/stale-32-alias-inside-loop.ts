// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function run(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], initialState: tf.Tensor): tf.Tensor[] {
  const ys: tf.Tensor[] = [];
  for (const x of xs) {
    const state = initialState;
    const [y, next] = cell.call([x, state], {}) as tf.Tensor[];
    ys.push(y);
    next.dispose();
  }
  return ys;
}
