// expect: tidy-disposed-state
// Streaming inference session: push frames one at a time through a GRU and get per-frame event scores.
import * as tf from '@tensorflow/tfjs';

/** Any single-state cell can drive a session. */
export interface StreamCell {
  readonly units: number;
  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
}

export interface SessionOptions {
  /** Scores above this are reported as detections. Default 0.5. */
  threshold?: number;
  /** Called for every detection. */
  onDetect?: (frame: number, score: number) => void;
}

/** GRU cell with separate gate kernels (Keras layout: z, r, h). */
export class GruStreamCell implements StreamCell {
  private readonly w: tf.Variable;
  private readonly u: tf.Variable;
  private readonly b: tf.Variable;

  constructor(readonly inputSize: number, readonly units: number, seed = 4) {
    this.w = tf.variable(tf.randomNormal([inputSize, 3 * units], 0, 0.4, 'float32', seed));
    this.u = tf.variable(tf.randomNormal([units, 3 * units], 0, 0.4, 'float32', seed + 1));
    this.b = tf.variable(tf.zeros([3 * units]));
  }

  step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xh] = tf.split(x.matMul(this.w).add(this.b), 3, 1);
    const [hz, hr, hh] = tf.split(h.matMul(this.u), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const cand = tf.tanh(xh.add(r.mul(hh)));
    return z.mul(h).add(tf.sub(1, z).mul(cand)) as tf.Tensor2D;
  }
}

/**
 * Keeps the recurrent state between `push` calls so a caller can feed a live
 * stream (microphone frames, sensor packets, ...) without buffering it.
 */
export class StreamingSession {
  private state: tf.Tensor2D;
  private frames = 0;
  private readonly threshold: number;

  constructor(
    private readonly cell: StreamCell,
    private readonly readout: tf.Tensor2D,
    private readonly options: SessionOptions = {},
  ) {
    this.threshold = options.threshold ?? 0.5;
    this.state = tf.zeros([1, cell.units]);
  }

  /** Feed one frame; returns the score for it. */
  push(frame: number[]): number {
    const score = tf.tidy(() => {
      const x = tf.tensor2d([frame]);
      const next = this.cell.step(x, this.state);
      this.state = next;
      return tf.sigmoid(next.matMul(this.readout)).reshape([]);
    });
    const value = score.dataSync()[0];
    score.dispose();
    if (value > this.threshold) {
      this.options.onDetect?.(this.frames, value);
    }
    this.frames += 1;
    return value;
  }

  /** Start over, e.g. when the stream is restarted. */
  reset(): void {
    this.state.dispose();
    this.state = tf.zeros([1, this.cell.units]);
    this.frames = 0;
  }

  dispose(): void {
    this.state.dispose();
  }
}
