// expect: none
// Online trainer for the vibration sensor: reads a ReadableStream of sample chunks and takes one Adam step per chunk.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 12;

export class StreamTrainer {
  readonly wx = tf.variable(tf.randomNormal([1, UNITS], 0, 0.5, 'float32', 71));
  readonly wh = tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.25, 'float32', 72));
  readonly b = tf.variable(tf.zeros([UNITS]));
  readonly wy = tf.variable(tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 73));
  private readonly optimizer = tf.train.adam(0.01);
  private carry: tf.Tensor2D | null = null;

  resetState(): void {
    this.carry?.dispose();
    this.carry = null;
  }

  async trainChunk(chunk: number[]): Promise<number> {
    if (chunk.length < 2) return NaN;
    const h0 = this.carry ?? (tf.zeros([1, UNITS]) as tf.Tensor2D);
    const last: { h?: tf.Tensor2D } = {};

    const loss = this.optimizer.minimize(() => {
      let h = h0;
      let total = tf.scalar(0);
      for (let t = 0; t < chunk.length - 1; t++) {
        const x = tf.tensor2d([[chunk[t]]]);
        h = tf.tanh(tf.matMul(x, this.wx as tf.Tensor2D).add(tf.matMul(h, this.wh as tf.Tensor2D)).add(this.b));
        const pred = tf.matMul(h, this.wy as tf.Tensor2D);
        total = total.add(tf.squaredDifference(pred, chunk[t + 1]).sum());
      }
      last.h = tf.keep(h);
      return total.div(chunk.length - 1) as tf.Scalar;
    }, true);

    // Truncated BPTT (k = chunk length): the next chunk starts from this chunk's final
    // state values, but as a fresh constant so gradients stop at the chunk boundary.
    const values = await last.h!.array();
    last.h!.dispose();
    h0.dispose();
    this.carry = tf.tensor2d(values);

    const value = loss ? (await loss.data())[0] : NaN;
    loss?.dispose();
    return value;
  }

  async trainStream(stream: ReadableStream<Float32Array>, onLoss?: (l: number) => void): Promise<number[]> {
    this.resetState();
    const losses: number[] = [];
    const reader = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const l = await this.trainChunk(Array.from(value));
        losses.push(l);
        onLoss?.(l);
      }
    } finally {
      reader.releaseLock();
      this.resetState();
    }
    return losses;
  }
}

export async function trainFromEndpoint(url: string, trainer = new StreamTrainer()): Promise<number[]> {
  const res = await fetch(url);
  if (!res.body) throw new Error('no body');
  const floats = res.body.pipeThrough(
    new TransformStream<Uint8Array, Float32Array>({
      transform(bytes, controller) {
        controller.enqueue(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~3))));
      },
    }),
  );
  return trainer.trainStream(floats, (l) => console.log(`chunk loss ${l.toFixed(4)}`));
}
