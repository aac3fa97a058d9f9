// expect: stale-state
import * as tf from '@tensorflow/tfjs';

const units = 10;
const lstm = tf.layers.lstmCell({ units });
lstm.build([null, 3]);

export function unroll(xs: tf.Tensor2D[]): tf.Tensor[] {
  const h = tf.zeros([1, units]);
  const c = tf.zeros([1, units]);
  // Each element is computed from the zero state: there is no recurrence at all.
  return xs.map((x) => {
    const [out] = lstm.call([x, h, c], {}) as tf.Tensor[];
    return out;
  });
}
