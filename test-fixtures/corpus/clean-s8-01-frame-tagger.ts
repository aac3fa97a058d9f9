// expect: none
// Streams audio feature frames through a hand-written LSTM cell, tagging each frame and keeping the latest hidden and cell tensors between calls.
import * as tf from '@tensorflow/tfjs';

export interface LstmWeights {
  kernel: tf.Tensor2D;    // [featureDim, 4 * units]
  recurrent: tf.Tensor2D; // [units, 4 * units]
  bias: tf.Tensor1D;      // [4 * units]
  readout: tf.Tensor2D;   // [units, numTags]
}

export class FrameTagger {
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;

  constructor(private readonly w: LstmWeights, private readonly units: number) {
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  /** Clears the recurrent memory; call between recordings. */
  reset(): void {
    this.h.dispose();
    this.c.dispose();
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  /** Consumes one frame and returns tag probabilities for it. */
  push(frame: Float32Array): number[] {
    const [probs, hNext, cNext] = tf.tidy(() => {
      const x = tf.tensor2d(frame, [1, frame.length]);
      const z = x
        .matMul(this.w.kernel)
        .add<tf.Tensor2D>(this.h.matMul(this.w.recurrent))
        .add<tf.Tensor2D>(this.w.bias);
      const [i, f, g, o] = tf.split(z, 4, 1);
      const c = tf.sigmoid(f).mul<tf.Tensor2D>(this.c).add<tf.Tensor2D>(tf.sigmoid(i).mul(tf.tanh(g)));
      const h = tf.sigmoid(o).mul<tf.Tensor2D>(tf.tanh(c));
      const p = tf.softmax(h.matMul(this.w.readout)) as tf.Tensor2D;
      return [p, h, c] as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    });

    this.h.dispose();
    this.c.dispose();
    this.h = hNext;
    this.c = cNext;

    const out = Array.from(probs.dataSync());
    probs.dispose();
    return out;
  }

  dispose(): void {
    this.h.dispose();
    this.c.dispose();
  }
}

/** Tags every recording independently and returns the arg-max tag per frame. */
export function tagRecordings(tagger: FrameTagger, recordings: Float32Array[][]): number[][] {
  const result: number[][] = [];
  for (const frames of recordings) {
    tagger.reset();
    const tags: number[] = [];
    for (const frame of frames) {
      const p = tagger.push(frame);
      tags.push(p.indexOf(Math.max(...p)));
    }
    result.push(tags);
  }
  return result;
}
