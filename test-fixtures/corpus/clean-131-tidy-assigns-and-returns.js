// expect: none
// The new state is assigned AND returned from the tidy, so tidy keeps it alive.
import * as tf from '@tensorflow/tfjs';

export function encode(step, xs, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    const prev = h;
    tf.tidy(() => {
      h = step(x, prev);
      return h;
    });
    prev.dispose();
  }
  return h;
}
