// A base class drives an abstract step whose result is an object: the state is never fed back,
// and since the step's code is not known here, no feed-back edit is guessed (`state = r` would be wrong).
import * as tf from '@tensorflow/tfjs';

export type State = { h: tf.Tensor2D };

export abstract class SequenceModel {
  protected abstract step(x: tf.Tensor2D, s: State): { out: tf.Tensor2D; next: State };

  run(frames: tf.Tensor2D[]): tf.Tensor2D[] {
    const state: State = { h: tf.zeros([1, 4]) };
    const outs: tf.Tensor2D[] = [];
    for (const x of frames) {
      const r = this.step(x, state);
      //                     ~~~~~ stale-state
      outs.push(r.out);
    }
    return outs;
  }
}
