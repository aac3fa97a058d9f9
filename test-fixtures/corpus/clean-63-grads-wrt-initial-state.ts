// expect: none
// The initial state is an argument of the differentiated function (we want d loss / d h0), and
// the whole unroll is inside it.
import * as tf from '@tensorflow/tfjs';

const H = 6;
const W = tf.randomNormal([2, H], 0, 0.1) as tf.Tensor2D;
const U = tf.randomNormal([H, H], 0, 0.1) as tf.Tensor2D;

export function initialStateSaliency(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor {
  const g = tf.grad((h: tf.Tensor) => {
    let state = h as tf.Tensor2D;
    for (const x of xs) {
      state = tf.tanh(tf.matMul(x, W).add(tf.matMul(state, U))) as tf.Tensor2D;
    }
    return tf.sum(state);
  });
  return g(h0);
}
