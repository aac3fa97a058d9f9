// expect: tidy-disposed-state
// Browser live-captioning class that advances a GRU one audio frame at a time; bug: in step() the new state is assigned to `this.state` inside tf.tidy without being returned or kept, so tidy disposes it.
import * as tf from '@tensorflow/tfjs';

interface CaptionerWeights {
  gru: { W: tf.Tensor2D; U: tf.Tensor2D; b: tf.Tensor1D };
  head: { W: tf.Tensor2D; b: tf.Tensor1D };
}

export class LiveCaptioner {
  private state: tf.Tensor2D;
  private readonly units: number;

  constructor(private readonly weights: CaptionerWeights, private readonly vocab: string[]) {
    this.units = weights.gru.U.shape[0];
    this.state = tf.zeros([1, this.units]);
  }

  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.units]);
  }

  step(frame: Float32Array): tf.Tensor1D {
    const { gru, head } = this.weights;
    return tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, frame.length]);
      const xw = tf.add(tf.matMul(x, gru.W), gru.b);
      const hu = tf.matMul(this.state, gru.U);
      const [xz, xh] = tf.split(xw, 2, 1);
      const [uz, uh] = tf.split(hu, 2, 1);
      const z = tf.sigmoid(tf.add(xz, uz));
      const cand = tf.tanh(tf.add(xh, tf.mul(z, uh)));
      this.state = tf.add(tf.mul(z, this.state), tf.mul(tf.sub(1, z), cand)) as tf.Tensor2D;
      return tf.softmax(tf.add(tf.matMul(this.state, head.W), head.b)).squeeze([0]) as tf.Tensor1D;
    });
  }

  async onAudioFrame(frame: Float32Array, el: { textContent: string | null }): Promise<void> {
    const probs = this.step(frame);
    const best = (await probs.argMax().data())[0];
    probs.dispose();
    if (this.vocab[best] !== '<blank>') el.textContent += this.vocab[best];
  }
}
