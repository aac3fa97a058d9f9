// expect: none
// One session object per audio stream: processChunk() continues the stream chunk after chunk;
// a new stream gets a new session (a fresh state by construction), so no reset is needed inside.
import * as tf from '@tensorflow/tfjs';

export class TranscriptionSession {
  private h: tf.Tensor;

  constructor(private readonly cell: tf.layers.RNNCell, private readonly units: number) {
    this.h = tf.zeros([1, units]);
  }

  processChunk(frames: tf.Tensor2D[]): tf.Tensor {
    for (const frame of frames) {
      const prev = this.h;
      this.h = tf.tidy(() => (this.cell.call([frame, prev], {}) as tf.Tensor[])[1]);
      prev.dispose();
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
