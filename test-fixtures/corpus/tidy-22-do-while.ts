// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function run(xs: tf.Tensor2D[], step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  let t = 0;
  do {
    tf.tidy(() => {
      h = step(xs[t], h);
    });
    t++;
  } while (t < xs.length);
  return h;
}
