// A typed list of states: the old cell state is returned by index; the fix keeps the element type.
import * as tf from '@tensorflow/tfjs';

export class TinyLSTMCell {
  constructor(private readonly W: tf.Variable, private readonly U: tf.Variable) {}

  call(x: tf.Tensor2D, states: tf.Tensor2D[]): { output: tf.Tensor2D; states: tf.Tensor2D[] } {
    const [hPrev, cPrev] = states;
    const z = tf.add(tf.matMul(x, this.W as tf.Tensor2D), tf.matMul(hPrev!, this.U as tf.Tensor2D));
    const [i, f, o, g] = tf.split(z, 4, 1);
    const c = tf.add(tf.mul(tf.sigmoid(f!), cPrev!), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
    const h = tf.mul(tf.sigmoid(o!), tf.tanh(c)) as tf.Tensor2D;
    return { output: h, states: [h, states[1]!] };
    //                              ~~~~~~~~~~ returns-input-state
  }
}
