// Whole sequences run from state kept between calls, where that is not a leak: the state is reset
// elsewhere (a `reset()` of the factory, a subclass's `reset()`), or the run generates its own
// steps instead of walking a sequence it is given (a generator continuing its text on purpose).
import * as tf from '@tensorflow/tfjs';

const Wx = tf.randomNormal([4, 8]) as tf.Tensor2D;
const Wh = tf.randomNormal([8, 8]) as tf.Tensor2D;

function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
}

// The factory's caller resets the state between recordings.
export function createRecordingEncoder() {
  let hidden: tf.Tensor2D = tf.zeros([1, 8]);
  const runAll = (frames: tf.Tensor2D[]): tf.Tensor2D => {
    let h = hidden;
    for (const x of frames) h = rnnStep(x, h);
    return h;
  };
  return {
    encodeRecording(recording: tf.Tensor2D[]): tf.Tensor2D {
      const last = runAll(recording);
      hidden = last;
      return last;
    },
    reset(): void {
      hidden = tf.zeros([1, 8]);
    },
  };
}

// Each call starts from a fresh state; the last one is only kept for display.
export function createSentenceEncoder() {
  let lastState: tf.Tensor2D = tf.zeros([1, 8]);
  return {
    encodeSentence(sentence: tf.Tensor2D[]): tf.Tensor2D {
      lastState = tf.zeros([1, 8]);
      let h = lastState;
      for (const x of sentence) h = rnnStep(x, h);
      lastState = h;
      return h;
    },
    show(): number[] {
      return Array.from(lastState.dataSync());
    },
  };
}

// The base keeps the state of the last batch; the subclass's `reset()`, which the caller uses
// between datasets, clears it.
export abstract class BatchScorer {
  protected state: tf.Tensor2D | null = null;

  scoreBatch(x: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      let state = this.state ?? tf.zeros([x.shape[0], 8]);
      for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) state = rnnStep(xt, state);
      this.state = tf.keep(state);
      return state;
    });
  }
}

export class ResettableBatchScorer extends BatchScorer {
  reset(): void {
    this.state = null;
  }
}

// A generator that continues its own sequence from call to call: it walks no sequence it is given.
export class SequenceGenerator {
  private h: tf.Tensor2D = tf.zeros([1, 8]);

  generateSequence(length: number): number[] {
    const out: number[] = [];
    let h = this.h;
    let x = tf.zeros([1, 4]) as tf.Tensor2D;
    for (let i = 0; i < length; i++) {
      h = rnnStep(x, h);
      const next = h.slice([0, 0], [1, 4]).argMax(1).dataSync()[0]!;
      out.push(next);
      x = tf.oneHot([next], 4).toFloat() as tf.Tensor2D;
    }
    this.h = h;
    return out;
  }
}
