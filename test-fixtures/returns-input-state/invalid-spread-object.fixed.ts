// A typed LSTM state updated with a spread: the new cell state is computed but the spread hands back the old one.
import * as tf from '@tensorflow/tfjs';

export interface LSTMState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
  t: number;
}

export class CoupledLSTM {
  constructor(private readonly W: tf.Variable) {}

  step(x: tf.Tensor2D, state: LSTMState): LSTMState {
    const [zf, zg, zo] = tf.split(tf.matMul(tf.concat([x, state.h], 1), this.W as tf.Tensor2D), 3, 1);
    const f = tf.sigmoid(zf!);
    const cNext = tf.add(tf.mul(f, state.c), tf.mul(tf.sub(1, f), tf.tanh(zg!)));
    const hNext = tf.mul(tf.sigmoid(zo!), tf.tanh(cNext)) as tf.Tensor2D;
    return { ...state, c: cNext as tf.Tensor2D, h: hNext, t: state.t + 1 };
    //          ~~~~~ returns-input-state
  }
}
