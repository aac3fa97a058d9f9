// expect: state-leak
// Factory for a gesture classifier: each call classifies one complete accelerometer recording.
import * as tf from '@tensorflow/tfjs';

export interface GestureClassifierOptions {
  /** Channels per sample (x/y/z = 3). */
  channels: number;
  gestures: readonly string[];
  units?: number;
  seed?: number;
}

export interface GestureClassifier {
  /** Classify one recording, given as [time][channels]. */
  classify(recording: number[][]): { gesture: string; probability: number };
  /** Release the weights. */
  dispose(): void;
}

/**
 * Creates a classifier around an Elman RNN. Weights are closed over, so the
 * returned object is the only handle callers need.
 */
export function createGestureClassifier(options: GestureClassifierOptions): GestureClassifier {
  const units = options.units ?? 20;
  const seed = options.seed ?? 12;
  const normal = (shape: number[], k: number) => tf.randomNormal(shape, 0, 0.4, 'float32', seed + k);
  const wIn = normal([options.channels, units], 0);
  const wRec = normal([units, units], 1);
  const bias = tf.zeros([units]);
  const wOut = normal([units, options.gestures.length], 2);

  let hidden: tf.Tensor2D = tf.zeros([1, units]);

  const stepAll = (frames: tf.Tensor2D): tf.Tensor2D => {
    let h = hidden;
    for (const row of tf.unstack(frames) as tf.Tensor1D[]) {
      h = tf.tanh(row.expandDims(0).matMul(wIn).add(h.matMul(wRec)).add(bias));
    }
    return h;
  };

  return {
    classify(recording) {
      if (recording.length === 0) {
        throw new Error('classify: empty recording');
      }
      const frames = tf.tensor2d(recording);
      const { probs, last } = tf.tidy(() => {
        const h = stepAll(frames);
        return { probs: tf.softmax(h.matMul(wOut)).squeeze([0]), last: h };
      });
      frames.dispose();
      hidden.dispose();
      hidden = last;
      const p = Array.from(probs.dataSync());
      probs.dispose();
      const best = p.indexOf(Math.max(...p));
      return { gesture: options.gestures[best], probability: p[best] };
    },
    dispose() {
      tf.dispose([wIn, wRec, bias, wOut, hidden]);
    },
  };
}
