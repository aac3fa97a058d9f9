// expect: none
import * as tf from '@tensorflow/tfjs';

export interface LSTMState { h: tf.Tensor2D; c: tf.Tensor2D }

export function lstmStep(x: tf.Tensor2D, { h, c }: LSTMState, W: tf.Tensor2D, b: tf.Tensor1D): LSTMState {
  const z = tf.matMul(tf.concat([x, h], 1), W).add(b) as tf.Tensor2D;
  const [i, f, g, o] = tf.split(z, 4, 1);
  const cNew = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
  const hNew = tf.sigmoid(o).mul(tf.tanh(cNew)) as tf.Tensor2D;
  return { h: hNew, c: cNew };
}

export function run(xs: tf.Tensor2D[], W: tf.Tensor2D, b: tf.Tensor1D, units: number): tf.Tensor2D {
  let state: LSTMState = { h: tf.zeros([1, units]), c: tf.zeros([1, units]) };
  for (const x of xs) state = lstmStep(x, state, W, b);
  return state.h;
}
