// An agent that reads its state from one field and stores the new state in another: the field it
// reads is only ever set by the constructor and reset(), so every call starts from the same state.
import * as tf from '@tensorflow/tfjs';

class Policy {
  readonly Wx = tf.variable(tf.randomNormal([4, 8]));
  readonly Wh = tf.variable(tf.randomNormal([8, 8]));
  readonly Wo = tf.variable(tf.randomNormal([8, 2]));
  forward(obs: number[], h: tf.Tensor2D): { probs: tf.Tensor; h: tf.Tensor2D } {
    return tf.tidy(() => {
      const hNew = tf.tanh(tf.tensor2d([obs]).matMul(this.Wx).add(h.matMul(this.Wh))) as tf.Tensor2D;
      return { probs: tf.softmax(hNew.matMul(this.Wo)), h: hNew };
    });
  }
}

export class PaddleAgent {
  private hidden: tf.Tensor2D = tf.zeros([1, 8]);
  private h?: tf.Tensor2D;
  constructor(private readonly policy: Policy) {}

  act(obs: number[]): number {
    const { probs, h } = this.policy.forward(obs, this.hidden);
//                                                ~~~~~~~~~~~ stale-state
    if (this.h) this.h.dispose();
    this.h = h;
    const p = probs.dataSync();
    probs.dispose();
    return p[0]! > p[1]! ? 0 : 1;
  }

  reset(): void {
    this.hidden.dispose();
    this.hidden = tf.zeros([1, 8]);
  }
}

export class Tracker {
  private state: tf.Tensor2D = tf.zeros([1, 8]);
  private latest: tf.Tensor2D = tf.zeros([1, 8]);
  private readonly Wx = tf.variable(tf.randomNormal([4, 8]));
  private readonly Wh = tf.variable(tf.randomNormal([8, 8]));

  private step(x: tf.Tensor2D, state: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.Wx).add(state.matMul(this.Wh))) as tf.Tensor2D;
  }

  update(x: tf.Tensor2D): tf.Tensor2D {
    this.latest = this.step(x, this.state);
//                             ~~~~~~~~~~ stale-state
    return this.latest;
  }

  peek(): tf.Tensor2D {
    return this.latest;
  }
}
