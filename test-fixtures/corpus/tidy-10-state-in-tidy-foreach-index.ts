// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function encode(frames: tf.Tensor2D[], W: tf.Tensor2D, U: tf.Tensor2D): tf.Tensor2D {
  let s = tf.zeros([1, U.shape[0]]) as tf.Tensor2D;
  frames.forEach((f, i) => {
    tf.tidy(() => {
      s = tf.tanh(tf.matMul(f, W).add(tf.matMul(s, U))) as tf.Tensor2D;
      if (i % 10 === 0) console.log(i, tf.norm(s).dataSync()[0]);
    });
  });
  return s;
}
