// expect: none
// Streaming (online) wake-word detector: the GRU state is intentionally carried across processChunk() calls because the microphone stream is one continuous sequence; each update is returned from tf.tidy and the old state disposed, and reset() is called when the stream restarts.
import * as tf from '@tensorflow/tfjs';

export interface StreamingWeights {
  W: tf.Tensor2D;
  U: tf.Tensor2D;
  b: tf.Tensor1D;
  head: tf.Tensor2D;
}

export class StreamingWakeWordDetector {
  private streamState: tf.Tensor2D;
  onDetect?: (score: number) => void;

  constructor(private readonly w: StreamingWeights, private readonly threshold = 0.9) {
    this.streamState = tf.zeros([1, w.U.shape[0]]);
  }

  reset(): void {
    this.streamState.dispose();
    this.streamState = tf.zeros([1, this.w.U.shape[0]]);
  }

  async processChunk(melFrames: Float32Array[]): Promise<number> {
    for (const frame of melFrames) {
      const [next, logit] = tf.tidy(() => {
        const x = tf.tensor2d(frame, [1, frame.length]);
        const [xz, xh] = tf.split(tf.add(tf.matMul(x, this.w.W), this.w.b), 2, 1);
        const [uz, uh] = tf.split(tf.matMul(this.streamState, this.w.U), 2, 1);
        const z = tf.sigmoid(tf.add(xz, uz));
        const h = tf.add(tf.mul(z, this.streamState), tf.mul(tf.sub(1, z), tf.tanh(tf.add(xh, uh)))) as tf.Tensor2D;
        return [h, tf.matMul(h, this.w.head)];
      });
      this.streamState.dispose();
      this.streamState = next;
      const score = 1 / (1 + Math.exp(-(await logit.data())[0]));
      logit.dispose();
      if (score > this.threshold) this.onDetect?.(score);
    }
    return tf.memory().numTensors;
  }
}

export async function attachMicrophone(detector: StreamingWakeWordDetector, chunks: AsyncIterable<Float32Array[]>) {
  detector.reset();
  for await (const chunk of chunks) {
    await detector.processChunk(chunk);
  }
}
