// expect: stale-state
// The state is put back to h0 at the top of every time step, so each step starts from zeros.
import * as tf from '@tensorflow/tfjs';

const H = 6;
const cell = tf.layers.simpleRNNCell({ units: H });
cell.build([null, 3]);

export function run(xs: tf.Tensor2D[]): tf.Tensor {
  const h0 = tf.zeros([1, H]);
  let h: tf.Tensor = h0;
  for (const x of xs) {
    h = h0;
    [, h] = cell.call([x, h], {}) as tf.Tensor[];
  }
  return h;
}
