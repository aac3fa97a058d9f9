// Spreads that carry only what does not change: every state member is written after the spread.
import * as tf from '@tensorflow/tfjs';

export interface LSTMState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
  t: number;
  mask: tf.Tensor2D;
}

export class LSTM {
  constructor(private readonly W: tf.Variable) {}

  step(x: tf.Tensor2D, state: LSTMState): LSTMState {
    const [zi, zf, zg, zo] = tf.split(tf.matMul(tf.concat([x, state.h], 1), this.W as tf.Tensor2D), 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(zf!), state.c), tf.mul(tf.sigmoid(zi!), tf.tanh(zg!))) as tf.Tensor2D;
    const hNext = tf.mul(tf.mul(tf.sigmoid(zo!), tf.tanh(cNext)), state.mask) as tf.Tensor2D;
    return { ...state, h: hNext, c: cNext, t: state.t + 1 };
  }
}
