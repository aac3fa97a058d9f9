// expect: none
// Streaming LSTM whose push() updates this.h / this.c from inside tf.tidy but wraps them in tf.keep (and disposes the old ones), so the stored state survives the tidy.
import * as tf from '@tensorflow/tfjs';

export class StreamingLstm {
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;
  private readonly cell: tf.layers.RNNCell;
  private readonly out: tf.Tensor2D;

  constructor(private readonly inDim: number, private readonly units = 16, outDim = 3) {
    this.cell = tf.layers.lstmCell({ units });
    this.cell.build([null, inDim]);
    this.out = tf.randomNormal([units, outDim], 0, 0.2);
    this.h = tf.zeros([1, units]);
    this.c = tf.zeros([1, units]);
  }

  /** Consumes one reading and returns class probabilities for the stream so far. */
  push(reading: number[]): Float32Array {
    const probs = tf.tidy(() => {
      const x = tf.tensor2d([reading], [1, this.inDim]);
      const [, h, c] = this.cell.call([x, this.h, this.c], {}) as tf.Tensor2D[];
      tf.dispose([this.h, this.c]);
      this.h = tf.keep(h);
      this.c = tf.keep(c);
      return tf.softmax(tf.matMul(h, this.out));
    });
    const values = probs.dataSync() as Float32Array;
    probs.dispose();
    return values;
  }

  /** Starts a new, unrelated stream. */
  reset(): void {
    tf.dispose([this.h, this.c]);
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  /** Replays a whole recording and leaves the state at its end. */
  replay(readings: number[][]): void {
    this.reset();
    const [h, c] = tf.tidy(() => {
      let h = this.h;
      let c = this.c;
      for (const r of readings) {
        const res = this.cell.call([tf.tensor2d([r], [1, this.inDim]), h, c], {}) as tf.Tensor2D[];
        h = res[1];
        c = res[2];
      }
      return [h, c];
    });
    if (h !== this.h) tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
  }

  dispose(): void {
    tf.dispose([this.h, this.c, this.out]);
  }
}

export function runRecordings(recordings: number[][][]): number[][] {
  const stream = new StreamingLstm(recordings[0][0].length);
  const finals: number[][] = [];
  for (const rec of recordings) {
    stream.reset();
    let last: Float32Array = new Float32Array(0);
    for (const reading of rec) last = stream.push(reading);
    finals.push(Array.from(last));
  }
  stream.dispose();
  return finals;
}
