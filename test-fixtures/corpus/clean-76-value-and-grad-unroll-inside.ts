// expect: none
import * as tf from '@tensorflow/tfjs';

const H = 5;
const Wx = tf.randomNormal([2, H], 0, 0.1) as tf.Tensor2D;
const V = tf.randomNormal([H, 1], 0, 0.1) as tf.Tensor2D;

export function lossAndGradWrtRecurrent(xs: tf.Tensor2D[], y: tf.Tensor2D, U: tf.Tensor2D) {
  const f = tf.valueAndGrad((u: tf.Tensor) => {
    let h = tf.zeros([1, H]) as tf.Tensor2D;
    for (const x of xs) {
      h = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, u as tf.Tensor2D))) as tf.Tensor2D;
    }
    return tf.losses.meanSquaredError(y, tf.matMul(h, V));
  });
  return f(U);
}
