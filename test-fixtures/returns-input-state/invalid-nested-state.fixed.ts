// A registry cell returns its output beside a state object: the new `h`, but the incoming `c`.
import * as tf from '@tensorflow/tfjs';

export type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export class LstmCell {
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  step(x: tf.Tensor2D, { h, c }: LstmState): { y: tf.Tensor2D; state: LstmState } {
    return tf.tidy(() => {
      const z = tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
      const hNext = tf.mul(tf.sigmoid(o!), tf.tanh(cNext)) as tf.Tensor2D;
      return { y: hNext, state: { h: hNext, c: cNext as tf.Tensor2D } };
//                                          ~ returns-input-state
    });
  }
}
