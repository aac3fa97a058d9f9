// expect: none
import * as tf from '@tensorflow/tfjs';

export function run(step, xs, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    const prev = h;
    tf.tidy(() => {
      h = step(x, prev);
      tf.keep(h);
    });
    prev.dispose();
  }
  return h;
}
