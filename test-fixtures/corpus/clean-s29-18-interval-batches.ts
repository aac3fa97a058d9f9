// expect: none
// Smartwatch companion page: every half second, classifies all queued wrist-gesture clips in one batched GRU pass.
import * as tf from '@tensorflow/tfjs';

const AXES = 6; // accel xyz + gyro xyz
const UNITS = 16;
const CLASSES = ['flick', 'twist', 'shake', 'none'];

export interface Clip {
  id: string;
  frames: number[][]; // [T][AXES]
}

export class BatchedGru {
  private readonly kernel = tf.randomNormal([AXES, 3 * UNITS], 0, 0.3, 'float32', 91) as tf.Tensor2D;
  private readonly recurrent = tf.randomNormal([UNITS, 3 * UNITS], 0, 0.2, 'float32', 92) as tf.Tensor2D;
  private readonly bias = tf.zeros([3 * UNITS]) as tf.Tensor1D;
  private readonly dense = tf.randomNormal([UNITS, CLASSES.length], 0, 0.4, 'float32', 93) as tf.Tensor2D;

  private cell(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    const [xz, xr, xh] = tf.split(tf.matMul(x, this.kernel).add(this.bias), 3, 1);
    const [hz, hr, hh] = tf.split(tf.matMul(h, this.recurrent), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const candidate = tf.tanh(xh.add(r.mul(hh)));
    // Keras convention: z keeps the old state, (1 - z) takes the candidate
    return z.mul(h).add(tf.sub(1, z).mul(candidate)) as tf.Tensor2D;
  }

  classify(clips: Clip[]): Array<{ id: string; label: string }> {
    const steps = Math.max(...clips.map((c) => c.frames.length));
    const padded = clips.map((c) => {
      const pad = Array.from({ length: steps - c.frames.length }, () => new Array(AXES).fill(0));
      return [...pad, ...c.frames];
    });
    const labels = tf.tidy(() => {
      const seq = tf.tensor3d(padded); // [B, T, AXES]
      let h = tf.zeros([clips.length, UNITS]) as tf.Tensor2D;
      for (const xt of tf.unstack(seq, 1)) {
        h = this.cell(xt as tf.Tensor2D, h);
      }
      return tf.argMax(tf.matMul(h, this.dense), 1);
    });
    const idx = Array.from(labels.dataSync());
    labels.dispose();
    return clips.map((c, i) => ({ id: c.id, label: CLASSES[idx[i]] }));
  }
}

export function startClassifier(
  queue: Clip[],
  publish: (results: Array<{ id: string; label: string }>) => void,
  intervalMs = 500,
): () => void {
  const model = new BatchedGru();
  const handle = setInterval(() => {
    if (queue.length === 0) return;
    const batch = queue.splice(0, 32);
    publish(model.classify(batch));
  }, intervalMs);
  return () => clearInterval(handle);
}
