// Each call is given one whole sequence (a recording, a batch of sequences, a sentence, an
// utterance), runs it from state kept between calls (a factory's variable, a module's variable, an
// object's field) and stores the state it ends with back: the next sequence starts where this one
// ended.
import * as tf from '@tensorflow/tfjs';

// A factory's variable seeds the run over every frame of the recording and gets its final state.
export function createGestureClassifier(channels: number, units: number) {
  const wIn = tf.randomNormal([channels, units]) as tf.Tensor2D;
  const wRec = tf.randomNormal([units, units]) as tf.Tensor2D;
  let hidden: tf.Tensor2D = tf.zeros([1, units]);

  const runAll = (frames: tf.Tensor2D): tf.Tensor2D => {
    let h = hidden;
//          ~~~~~~ state-leak
    for (const row of tf.unstack(frames) as tf.Tensor1D[]) {
      h = tf.tanh(row.expandDims(0).matMul(wIn).add(h.matMul(wRec)));
    }
    return h;
  };

  return {
    classify(recording: number[][]): number {
      const frames = tf.tensor2d(recording);
      const { label, last } = tf.tidy(() => {
        const h = runAll(frames);
        return { label: h.argMax(1), last: h };
      });
      hidden = last;
      return label.dataSync()[0]!;
    },
  };
}

// A module's variable, run and stored back by the same function.
const Wx = tf.randomNormal([4, 8]) as tf.Tensor2D;
const Wh = tf.randomNormal([8, 8]) as tf.Tensor2D;
let memory: tf.Tensor2D = tf.zeros([1, 8]);

function rnnStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(x.matMul(Wx).add(h.matMul(Wh)));
}

export function encodeSentence(sentence: tf.Tensor2D[]): tf.Tensor2D {
  let h = memory;
//        ~~~~~~ state-leak
  for (const x of sentence) h = rnnStep(x, h);
  memory = h;
  return h;
}

// A base class keeps the state of the last batch (`?? zero` only makes the first one) and a
// subclass supplies the step: every batch of independent sequences continues the previous batch.
export abstract class BatchScorer {
  protected state: tf.Tensor2D | null = null;

  protected abstract zeroState(batch: number): tf.Tensor2D;
  protected abstract cellStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;

  scoreBatch(x: tf.Tensor3D): tf.Tensor2D {
    return tf.tidy(() => {
      let state = this.state ?? this.zeroState(x.shape[0]);
//                ~~~~~~~~~~ state-leak
      for (let t = 0; t < x.shape[1]; t++) {
        const xt = x.slice([0, t, 0], [-1, 1, -1]).squeeze([1]) as tf.Tensor2D;
        state = this.cellStep(xt, state);
      }
      this.state = tf.keep(state);
      return state;
    });
  }
}

export class ElmanBatchScorer extends BatchScorer {
  constructor(private readonly wx: tf.Tensor2D, private readonly wh: tf.Tensor2D) {
    super();
  }

  protected zeroState(batch: number): tf.Tensor2D {
    return tf.zeros([batch, this.wh.shape[0]]);
  }

  protected cellStep(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tanh(x.matMul(this.wx).add(h.matMul(this.wh)));
  }
}

// A private run over every frame, called by a method given one whole utterance.
export class Transcriber {
  private h: tf.Tensor2D = tf.zeros([1, 8]);

  private runFrames(frames: tf.Tensor2D[]): tf.Tensor2D {
    let h = this.h;
//          ~~~~~~ state-leak
    for (const x of frames) h = rnnStep(x, h);
    return h;
  }

  transcribe(utterance: tf.Tensor2D[]): number {
    const last = this.runFrames(utterance);
    this.h = last;
    return last.argMax(1).dataSync()[0]!;
  }
}
