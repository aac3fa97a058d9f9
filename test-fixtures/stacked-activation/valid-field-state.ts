import * as tf from '@tensorflow/tfjs';

// The new state is a leaky mix, linear in the activation: squashing it at the next step is one activation.
export class LeakyTagger {
  private state: tf.Tensor2D = tf.zeros([1, 6]);
  private readonly wIn = tf.randomNormal([4, 6]) as tf.Tensor2D;
  private readonly wRec = tf.randomNormal([6, 6]) as tf.Tensor2D;

  push(token: number[]): tf.Tensor2D {
    const [nextState] = tf.tidy(() => {
      const prev = tf.tanh(this.state);
      const cand = tf.tanh(tf.tensor2d([token]).matMul(this.wIn).add(prev.matMul(this.wRec)));
      return [this.state.mul(0.9).add(cand.mul(0.1))];
    });
    this.state.dispose();
    this.state = nextState as tf.Tensor2D;
    return this.state;
  }
}

// The new state is tanh, but the object also takes a state from outside (a restored snapshot).
export class RestorableTagger {
  private state: tf.Tensor2D = tf.zeros([1, 6]);
  private readonly wIn = tf.randomNormal([4, 6]) as tf.Tensor2D;
  private readonly wRec = tf.randomNormal([6, 6]) as tf.Tensor2D;

  load(snapshot: tf.Tensor2D): void {
    this.state = snapshot;
  }

  push(token: number[]): tf.Tensor2D {
    const prev = tf.tanh(this.state);
    const next = tf.tanh(tf.tensor2d([token]).matMul(this.wIn).add(prev.matMul(this.wRec))) as tf.Tensor2D;
    this.state = next;
    return next;
  }
}

// An LSTM's h is o * tanh(c), a product: a tanh read at the next step is not stacked.
export class TinyLstm {
  private h: tf.Tensor2D = tf.zeros([1, 4]);
  private c: tf.Tensor2D = tf.zeros([1, 4]);
  private readonly W = tf.randomNormal([8, 16]) as tf.Tensor2D;

  push(x: tf.Tensor2D): tf.Tensor2D {
    const z = tf.concat([x, tf.tanh(this.h)], 1).matMul(this.W);
    const [i, f, o, g] = tf.split(z, 4, 1);
    this.c = tf.sigmoid(f).mul(this.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    this.h = tf.sigmoid(o).mul(tf.tanh(this.c)) as tf.Tensor2D;
    return this.h;
  }
}
