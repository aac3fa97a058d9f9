// Cells returning their output beside a state object with both new states, and a peephole cell
// whose `context` member (not a state) is handed back unchanged on purpose.
import * as tf from '@tensorflow/tfjs';

export type LstmState = { h: tf.Tensor2D; c: tf.Tensor2D };

export class LstmCell {
  constructor(private readonly W: tf.Tensor2D, private readonly U: tf.Tensor2D) {}

  step(x: tf.Tensor2D, { h, c }: LstmState): { y: tf.Tensor2D; state: LstmState } {
    return tf.tidy(() => {
      const z = tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U));
      const [i, f, g, o] = tf.split(z, 4, 1);
      const cNext = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!))) as tf.Tensor2D;
      const hNext = tf.mul(tf.sigmoid(o!), tf.tanh(cNext)) as tf.Tensor2D;
      return { y: hNext, state: { h: hNext, c: cNext } };
    });
  }

  withContext(x: tf.Tensor2D, h: tf.Tensor2D, context: tf.Tensor2D): { y: tf.Tensor2D; state: { h: tf.Tensor2D; context: tf.Tensor2D } } {
    const hNext = tf.tanh(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)).add(context)) as tf.Tensor2D;
    return { y: hNext, state: { h: hNext, context } };
  }
}
