// expect: none
// Each independent sequence is unrolled from the same zero state: `encodeSequence` is a whole
// unroll, not a step, so passing h0 to it every iteration is a reset, not a stale state.
import * as tf from '@tensorflow/tfjs';

const H = 8;
const W = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const U = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function encodeSequence(xs: tf.Tensor2D[], h: tf.Tensor2D): tf.Tensor2D {
  for (const x of xs) {
    h = tf.tanh(tf.matMul(x, W).add(tf.matMul(h, U))) as tf.Tensor2D;
  }
  return h;
}

export function encodeBatch(batch: tf.Tensor2D[][]): tf.Tensor2D[] {
  const h0 = tf.zeros([1, H]) as tf.Tensor2D;
  const codes: tf.Tensor2D[] = [];
  for (let i = 0; i < batch.length; i++) {
    codes.push(encodeSequence(batch[i], h0));
  }
  return codes;
}
