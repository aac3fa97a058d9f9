// expect: state-leak
// The same session object is reused for every caller's stream and never reset between streams.
import * as tf from '@tensorflow/tfjs';

export class TranscriptionSession {
  private h: tf.Tensor;

  constructor(private readonly cell: tf.layers.RNNCell, units: number) {
    this.h = tf.zeros([1, units]);
  }

  processChunk(frames: tf.Tensor2D[]): tf.Tensor {
    for (const frame of frames) {
      [, this.h] = this.cell.call([frame, this.h], {}) as tf.Tensor[];
    }
    return this.h;
  }
}

export function transcribeAll(cell: tf.layers.RNNCell, streams: tf.Tensor2D[][][], units: number): tf.Tensor[] {
  const session = new TranscriptionSession(cell, units);
  const results: tf.Tensor[] = [];
  for (const stream of streams) {
    let last: tf.Tensor | null = null;
    for (const chunk of stream) last = session.processChunk(chunk);
    results.push(last!);
  }
  return results;
}
