// A recurrent actor: its core runs once per act() call, on the state the object keeps.
import * as tf from '@tensorflow/tfjs';

const squash = (t: tf.Tensor): tf.Tensor2D => tf.tanh(t) as tf.Tensor2D;

export class Actor {
  private state: tf.Tensor2D;

  constructor(private readonly wx: tf.Tensor2D, private readonly wh: tf.Tensor2D, private readonly wp: tf.Tensor2D) {
    this.state = tf.zeros([1, wh.shape[0]]);
  }

  core(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return squash(x.matMul(this.wx).add(squash(h).matMul(this.wh)));
    //                                  ~~~~~~~~~ stacked-activation
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
