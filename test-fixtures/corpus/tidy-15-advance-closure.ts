// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function encode(xs: tf.Tensor2D[], step: (x: tf.Tensor2D, s: tf.Tensor2D) => tf.Tensor2D, units: number): tf.Tensor2D {
  let state = tf.zeros([1, units]) as tf.Tensor2D;
  const advance = (x: tf.Tensor2D): void => {
    tf.tidy(() => {
      state = step(x, state);
    });
  };
  xs.forEach(advance);
  return state;
}
