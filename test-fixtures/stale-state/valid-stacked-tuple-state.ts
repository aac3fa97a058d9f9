import * as tf from '@tensorflow/tfjs';

type State = [tf.Tensor2D, tf.Tensor2D];

class LSTMCell {
  readonly W = tf.variable(tf.randomNormal([4, 16], 0, 0.1));
  readonly U = tf.variable(tf.randomNormal([4, 16], 0, 0.1));

  forward(x: tf.Tensor2D, [h, c]: State): State {
    const [i, f, g, o] = tf.split(tf.matMul(x, this.W).add(tf.matMul(h, this.U)), 4, 1);
    const cNext = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.sigmoid(o).mul(tf.tanh(cNext)) as tf.Tensor2D;
    return [hNext, cNext];
  }
}

// A stacked two-cell unroll that writes both states back on every step.
export class Stack {
  readonly lstm1 = new LSTMCell();
  readonly lstm2 = new LSTMCell();

  forward(xs: tf.Tensor2D[]): tf.Tensor2D[] {
    let h1: tf.Tensor2D = tf.zeros([1, 4]);
    let c1: tf.Tensor2D = tf.zeros([1, 4]);
    let h2: tf.Tensor2D = tf.zeros([1, 4]);
    let c2: tf.Tensor2D = tf.zeros([1, 4]);
    const outs: tf.Tensor2D[] = [];
    for (const x of xs) {
      [h1, c1] = this.lstm1.forward(x, [h1, c1]);
      [h2, c2] = this.lstm2.forward(h1, [h2, c2]);
      outs.push(h2);
    }
    return outs;
  }
}
