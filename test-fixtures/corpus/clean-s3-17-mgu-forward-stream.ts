// expect: none
// Minimal gated unit (MGU) written PyTorch-style with forward(input, hidden): one forget gate scales the previous state inside the candidate and in the interpolation; an async loop over a frame stream feeds `hidden` back.
import * as tf from '@tensorflow/tfjs';

const param = (rows: number, cols: number) => tf.variable(tf.randomNormal([rows, cols], 0, 0.08)) as tf.Variable<tf.Rank.R2>;

export class MinimalGatedUnit {
  private readonly wf: tf.Variable<tf.Rank.R2>;
  private readonly uf: tf.Variable<tf.Rank.R2>;
  private readonly wh: tf.Variable<tf.Rank.R2>;
  private readonly uh: tf.Variable<tf.Rank.R2>;
  private readonly bf: tf.Variable;
  private readonly bh: tf.Variable;

  constructor(inputSize: number, readonly hiddenSize: number) {
    this.wf = param(inputSize, hiddenSize);
    this.uf = param(hiddenSize, hiddenSize);
    this.wh = param(inputSize, hiddenSize);
    this.uh = param(hiddenSize, hiddenSize);
    this.bf = tf.variable(tf.ones([hiddenSize]));
    this.bh = tf.variable(tf.zeros([hiddenSize]));
  }

  forward(input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const f = tf.sigmoid(tf.add(tf.add(tf.matMul(input, this.wf), tf.matMul(hidden, this.uf)), this.bf));
      const gated = tf.mul(f, hidden) as tf.Tensor2D;
      const hTilde = tf.tanh(tf.add(tf.add(tf.matMul(input, this.wh), tf.matMul(gated, this.uh)), this.bh));
      return tf.add(tf.mul(tf.sub(1, f), hidden), tf.mul(f, hTilde)) as tf.Tensor2D;
    });
  }

  parameters(): tf.Variable[] {
    return [this.wf, this.uf, this.wh, this.uh, this.bf, this.bh];
  }
}

export async function encodeStream(mgu: MinimalGatedUnit, frames: AsyncIterable<tf.Tensor2D>): Promise<tf.Tensor2D> {
  let hidden = tf.zeros([1, mgu.hiddenSize]) as tf.Tensor2D;
  for await (const frame of frames) {
    const next = mgu.forward(frame, hidden);
    tf.dispose([hidden, frame]);
    hidden = next;
  }
  return hidden;
}
