// A recurrent actor: its core runs once per act() call, on the state the object keeps. The state
// it stores is a leaky mix of the old state and a tanh candidate, so squashing it again is a
// single activation of a linear value, not a second one in a row.
import * as tf from '@tensorflow/tfjs';

export class Actor {
  private state: tf.Tensor2D;

  constructor(private readonly wx: tf.Tensor2D, private readonly wh: tf.Tensor2D, private readonly wp: tf.Tensor2D) {
    this.state = tf.zeros([1, wh.shape[0]]);
  }

  core(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const candidate = tf.tanh(x.matMul(this.wx).add(tf.tanh(h).matMul(this.wh)));
    return h.mul(0.9).add(candidate.mul(0.1)) as tf.Tensor2D;
  }

  act(obs: number[]): tf.Tensor {
    const { probs, h } = tf.tidy(() => {
      const hNext = this.core(tf.tensor2d([obs]), this.state);
      return { probs: tf.softmax(hNext.matMul(this.wp)), h: hNext };
    });
    this.state.dispose();
    this.state = h;
    return probs;
  }
}
