// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function* states(xs, step, units) {
  const h0 = tf.zeros([1, units]);
  for (const x of xs) {
    yield step(x, h0);
  }
}
