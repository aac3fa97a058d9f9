// expect: none
import * as tf from '@tensorflow/tfjs';

type LSTM = (x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D) => { h: tf.Tensor2D; c: tf.Tensor2D };

export function run(lstm: LSTM, xs: tf.Tensor2D[], units: number): tf.Tensor2D {
  let h = tf.zeros([1, units]) as tf.Tensor2D;
  let c = tf.zeros([1, units]) as tf.Tensor2D;
  for (const x of xs) {
    const old = [h, c];
    ({ h, c } = tf.tidy(() => lstm(x, h, c)));
    tf.dispose(old);
  }
  return h;
}
