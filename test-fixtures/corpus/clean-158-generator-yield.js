// expect: none
import * as tf from '@tensorflow/tfjs';

export function* states(xs, step, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    h = step(x, h);
    yield h;
  }
}
