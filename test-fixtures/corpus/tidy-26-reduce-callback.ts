// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function countAndEncode(xs: tf.Tensor2D[], step: (x: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D, units: number): [number, tf.Tensor2D] {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  const n = xs.reduce((count, x) => {
    tf.tidy(() => {
      h = step(x, h);
    });
    return count + 1;
  }, 0);
  return [n, h];
}
