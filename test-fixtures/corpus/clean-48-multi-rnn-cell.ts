// expect: none
// Two stacked fused LSTM layers driven by tf.multiRNNCell; c and h lists are fed back every step.
import * as tf from '@tensorflow/tfjs';

const units = 12;
const forget = tf.scalar(1);
const k1 = tf.randomNormal([4 + units, 4 * units], 0, 0.05) as tf.Tensor2D;
const b1 = tf.zeros([4 * units]) as tf.Tensor1D;
const k2 = tf.randomNormal([2 * units, 4 * units], 0, 0.05) as tf.Tensor2D;
const b2 = tf.zeros([4 * units]) as tf.Tensor1D;

const cells = [
  (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) => tf.basicLSTMCell(forget, k1, b1, data, c, h),
  (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) => tf.basicLSTMCell(forget, k2, b2, data, c, h),
];

export function run(xs: tf.Tensor2D[]): tf.Tensor2D {
  let c = [tf.zeros([1, units]), tf.zeros([1, units])] as tf.Tensor2D[];
  let h = [tf.zeros([1, units]), tf.zeros([1, units])] as tf.Tensor2D[];
  for (const x of xs) {
    const next = tf.tidy(() => tf.multiRNNCell(cells, x, c, h));
    tf.dispose([...c, ...h]);
    [c, h] = next;
  }
  return h[h.length - 1];
}
