// expect: tidy-disposed-state
// Streaming activity tagger: an LSTM consumes one accelerometer frame at a time and can snapshot its state to JSON.
import * as tf from '@tensorflow/tfjs';

export interface TaggerWeights {
  W: number[][];
  U: number[][];
  b: number[];
  wOut: number[][];
}

export interface TaggerSnapshot {
  h: number[][];
  c: number[][];
  frames: number;
}

export class StreamingTagger {
  private readonly W: tf.Tensor2D;
  private readonly U: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly wOut: tf.Tensor2D;
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;
  private frames = 0;

  constructor(weights: TaggerWeights, private readonly hidden: number) {
    this.W = tf.tensor2d(weights.W);
    this.U = tf.tensor2d(weights.U);
    this.b = tf.tensor1d(weights.b);
    this.wOut = tf.tensor2d(weights.wOut);
    this.h = tf.zeros([1, hidden]);
    this.c = tf.zeros([1, hidden]);
  }

  private cell(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D): { h: tf.Tensor2D; c: tf.Tensor2D } {
    const z = tf.add(tf.add(tf.matMul(x, this.W), tf.matMul(h, this.U)), this.b);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c: cNext };
  }

  push(frame: number[]): number {
    const label = tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const next = this.cell(x, this.h, this.c);
      this.h.dispose();
      this.c.dispose();
      this.h = next.h;
      this.c = next.c;
      return tf.argMax(tf.matMul(next.h, this.wOut), 1);
    });
    const id = label.dataSync()[0];
    label.dispose();
    this.frames += 1;
    return id;
  }

  snapshot(): TaggerSnapshot {
    return { h: this.h.arraySync(), c: this.c.arraySync(), frames: this.frames };
  }

  restore(snap: TaggerSnapshot): void {
    tf.dispose([this.h, this.c]);
    this.h = tf.tensor2d(snap.h);
    this.c = tf.tensor2d(snap.c);
    this.frames = snap.frames;
  }

  dispose(): void {
    tf.dispose([this.W, this.U, this.b, this.wOut, this.h, this.c]);
  }
}

export async function tagRecording(url: string, weights: TaggerWeights): Promise<number[]> {
  const frames: number[][] = await (await fetch(url)).json();
  const tagger = new StreamingTagger(weights, weights.U.length);
  const labels = frames.map((f) => tagger.push(f));
  sessionStorage.setItem('tagger-snapshot', JSON.stringify(tagger.snapshot()));
  tagger.dispose();
  return labels;
}
