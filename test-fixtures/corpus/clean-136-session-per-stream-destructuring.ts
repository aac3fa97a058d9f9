// expect: none
// Same as clean-129, with the state updated by a destructuring assignment: one session per stream,
// processChunk() continues the stream; resetting inside processChunk would cut every stream into
// independent chunks.
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

export async function transcribe(cell: tf.layers.RNNCell, mic: AsyncIterable<tf.Tensor2D[]>, units: number): Promise<tf.Tensor | null> {
  const session = new TranscriptionSession(cell, units);
  let last: tf.Tensor | null = null;
  for await (const chunk of mic) {
    last = session.processChunk(chunk);
  }
  return last;
}
