// State kept between calls on purpose: each call is given the next piece of one continuing stream
// (a chunk, a window, a block, a segment, a packet, a frame), runs it from the state the previous
// piece ended with and stores the new state back. Closure and class versions.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.randomNormal([3, 8]) as tf.Tensor2D;
const Wh = tf.randomNormal([8, 8]) as tf.Tensor2D;

function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
}

// A factory whose classifier follows one sensor stream, chunk by chunk.
export function createStreamClassifier(units: number) {
  const wRec = tf.randomNormal([units, units]) as tf.Tensor2D;
  const wIn = tf.randomNormal([3, units]) as tf.Tensor2D;
  let hidden: tf.Tensor2D = tf.zeros([1, units]);

  const runAll = (rows: tf.Tensor2D): tf.Tensor2D => {
    let h = hidden;
    for (const row of tf.unstack(rows) as tf.Tensor1D[]) {
      h = tf.tanh(row.expandDims(0).matMul(wIn).add(h.matMul(wRec)));
    }
    return h;
  };

  return {
    classifyChunk(chunk: number[][]): number {
      const rows = tf.tensor2d(chunk);
      const last = runAll(rows);
      hidden = last;
      return last.argMax(1).dataSync()[0]!;
    },
  };
}

// The same with the next packet, the next window and the next frame of a stream.
export function createPacketReader() {
  let state: tf.Tensor2D = tf.zeros([1, 8]);
  return {
    readPacket(packet: tf.Tensor2D[]): tf.Tensor2D {
      let h = state;
      for (const x of packet) h = rnnStep(x, h);
      state = h;
      return h;
    },
  };
}

let windowState: tf.Tensor2D = tf.zeros([1, 8]);

export function scoreWindow(samples: tf.Tensor2D[]): tf.Tensor2D {
  let h = windowState;
  for (const x of samples) h = rnnStep(x, h);
  windowState = h;
  return h;
}

let frameState: tf.Tensor2D = tf.zeros([1, 8]);

export function processFrame(frame: tf.Tensor2D[]): tf.Tensor2D {
  let h = frameState;
  for (const x of frame) h = rnnStep(x, h);
  frameState = h;
  return h;
}

// A scorer that follows one long series block by block: the state of one block seeds the next.
export class BlockScorer {
  private state: tf.Tensor2D | null = null;

  scoreBlock(block: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      let state = this.state ?? tf.zeros([block.shape[0], 8]);
      for (const xt of tf.unstack(block, 1) as tf.Tensor2D[]) state = rnnStep(xt, state);
      this.state = tf.keep(state);
      return state;
    });
  }
}

// A segmenter fed one segment of a recording at a time, and a streaming `push`.
export class StreamingSegmenter {
  private h: tf.Tensor2D = tf.zeros([1, 8]);

  private runFrames(frames: tf.Tensor2D[]): tf.Tensor2D {
    let h = this.h;
    for (const x of frames) h = rnnStep(x, h);
    return h;
  }

  processSegment(segment: tf.Tensor2D[]): number {
    const last = this.runFrames(segment);
    this.h = last;
    return last.argMax(1).dataSync()[0]!;
  }
}

export class StreamEncoder {
  private h: tf.Tensor2D = tf.zeros([1, 8]);

  push(steps: tf.Tensor2D[]): tf.Tensor2D {
    let h = this.h;
    for (const x of steps) h = rnnStep(x, h);
    this.h = h;
    return h;
  }
}
