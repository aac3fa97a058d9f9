// expect: none
import * as tf from '@tensorflow/tfjs';

export function run(cell: tf.layers.RNNCell, xs: tf.Tensor2D[], state0: tf.Tensor2D): tf.Tensor[] {
  const outs: tf.Tensor[] = [];
  let state: tf.Tensor = state0.clone();
  for (const x of xs) {
    const [y, next] = cell.call([x, state], {}) as tf.Tensor[];
    state = next.clone();
    outs.push(y);
  }
  return outs;
}
