// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

type LSTM = (x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D) => { h: tf.Tensor2D; c: tf.Tensor2D };

export function run(lstm: LSTM, xs: tf.Tensor2D[], units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  let c = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) {
    tf.tidy(() => {
      ({ h, c } = lstm(x, h, c));
    });
  }
  return h;
}
