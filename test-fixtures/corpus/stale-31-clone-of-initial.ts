// expect: stale-state
// A fresh copy of the initial state is handed to every step; the step's new state is dropped.
import * as tf from '@tensorflow/tfjs';

export function run(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], state0: tf.Tensor2D): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  for (const x of xs) {
    const [y] = cell.call([x, state0.clone()], {}) as tf.Tensor[];
    outs.push(y);
  }
  return outs;
}
