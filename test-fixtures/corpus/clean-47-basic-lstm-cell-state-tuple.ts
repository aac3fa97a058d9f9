// expect: none
// tfjs-core's fused LSTM op; the state tuple is indexed inside the call (reduced from a false
// positive seen on real code: a tuple-typed state read as carry[0] / carry[1]).
import * as tf from '@tensorflow/tfjs';

const units = 16;
const kernel = tf.variable(tf.randomNormal([8 + units, 4 * units], 0, 0.05)) as tf.Variable<tf.Rank.R2>;
const bias = tf.variable(tf.zeros([4 * units])) as tf.Variable<tf.Rank.R1>;
const forgetBias = tf.scalar(1);

export function encode(frames: tf.Tensor2D[]): tf.Tensor2D[] {
  let carry: [tf.Tensor2D, tf.Tensor2D] = [tf.zeros([1, units]), tf.zeros([1, units])];
  const step = (x: tf.Tensor2D, carry: [tf.Tensor2D, tf.Tensor2D]) =>
    tf.basicLSTMCell(forgetBias, kernel, bias, x, carry[0], carry[1]);
  const hs: tf.Tensor2D[] = [];
  for (const x of frames) {
    carry = step(x, carry);
    hs.push(carry[1]);
  }
  return hs;
}
