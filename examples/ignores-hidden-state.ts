// Example (deliberate bug): the recurrent term is computed but never used, so the "RNN" is a
// feed-forward layer applied per step. The probe: identical outputs from two initial states.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([8, 16], 0, 0.3));
const Wh = tf.variable(tf.randomNormal([16, 16], 0, 0.3));

export const step = (x: tf.Tensor2D, hPrev: tf.Tensor2D): tf.Tensor2D =>
  tf.tidy(() => {
    const fromInput = tf.matMul(x, Wx);
    const fromState = tf.matMul(hPrev, Wh);
    return tf.tanh(fromInput) as tf.Tensor2D;
  });
