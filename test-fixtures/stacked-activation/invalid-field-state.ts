import * as tf from '@tensorflow/tfjs';

// A streaming tagger: one token per call, the state kept on the object.
export class StreamTagger {
  private state: tf.Tensor2D = tf.zeros([1, 6]);
  private readonly wIn = tf.randomNormal([4, 6]) as tf.Tensor2D;
  private readonly wRec = tf.randomNormal([6, 6]) as tf.Tensor2D;
  private readonly wTag = tf.randomNormal([6, 3]) as tf.Tensor2D;

  push(token: number[]): tf.Tensor {
    const [nextState, tags] = tf.tidy(() => {
      const prev = tf.sigmoid(this.state);
//                 ~~~~~~~~~~~~~~~~~~~~~~ stacked-activation
      const s = tf.sigmoid(tf.tensor2d([token]).matMul(this.wIn).add(prev.matMul(this.wRec)));
      return [s, s.matMul(this.wTag)];
    });
    this.state.dispose();
    this.state = nextState as tf.Tensor2D;
    return tags;
  }

  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, 6]);
  }
}
