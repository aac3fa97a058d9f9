// expect: none
// Temperature sampling: the probabilities parameter is rebound inside tidy and the result is
// returned (reduced from a false positive on magenta-js coconet).
import * as tf from '@tensorflow/tfjs';

export function sampleWithTemperature(probs: tf.Tensor2D, temperature: number): tf.Tensor1D {
  return tf.tidy(() => {
    probs = tf.pow(probs, tf.scalar(1 / temperature)) as tf.Tensor2D;
    const norm = probs.div(probs.sum(-1, true)) as tf.Tensor2D;
    return tf.multinomial(tf.log(norm) as tf.Tensor2D, 1, undefined, true).reshape([-1]) as tf.Tensor1D;
  });
}
