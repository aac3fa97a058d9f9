// expect: none
// Class that scores whole sequences with a GRU-style step held in `this.h`; the field is reset at the start of each sequence and updated inside tf.tidy with tf.keep, disposing the previous tensor.
import * as tf from '@tensorflow/tfjs';

export class SequenceScorer {
  private h: tf.Tensor2D | null = null;

  constructor(
    private readonly W: tf.Tensor2D, // [features, 2 * units]
    private readonly U: tf.Tensor2D, // [units, 2 * units]
    private readonly readout: tf.Tensor2D, // [units, 1]
    private readonly units: number,
  ) {}

  private advance(frame: number[]): void {
    const prev = this.h!;
    tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const [xz, xh] = tf.split(tf.matMul(x, this.W), 2, 1);
      const [uz, uh] = tf.split(tf.matMul(prev, this.U), 2, 1);
      const z = tf.sigmoid(tf.add(xz, uz));
      const cand = tf.tanh(tf.add(xh, uh));
      this.h = tf.keep(tf.add(tf.mul(z, prev), tf.mul(tf.sub(1, z), cand)) as tf.Tensor2D);
    });
    prev.dispose();
  }

  score(sequence: number[][]): number {
    this.h?.dispose();
    this.h = tf.zeros([1, this.units]);
    sequence.forEach((frame) => this.advance(frame));
    return tf.tidy(() => tf.matMul(this.h!, this.readout).dataSync()[0]);
  }

  scoreAll(sequences: number[][][]): number[] {
    return sequences.map((s) => this.score(s));
  }

  dispose(): void {
    this.h?.dispose();
    this.h = null;
  }
}
