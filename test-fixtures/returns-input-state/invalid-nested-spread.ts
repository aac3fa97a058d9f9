// An LSTM step returning its output next to the carried state, copied with the new cell state.
import * as tf from '@tensorflow/tfjs';

type Carry = { h: tf.Tensor2D; c: tf.Tensor2D };

export function lstmStep(w: tf.Tensor2D, x: tf.Tensor2D, state: Carry): { out: tf.Tensor2D; state: Carry } {
  const gates = tf.concat([x, state.h], 1).matMul(w);
  const [i, f, g, o] = tf.split(gates, 4, 1);
  const cNew = tf.sigmoid(f!).mul(state.c).add(tf.sigmoid(i!).mul(tf.tanh(g!))) as tf.Tensor2D;
  const hNew = tf.sigmoid(o!).mul(tf.tanh(cNew)) as tf.Tensor2D;
  return { out: hNew, state: { ...state, c: cNew } };
  //                              ~~~~~ returns-input-state
}
