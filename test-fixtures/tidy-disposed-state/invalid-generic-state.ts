// A generic streaming runner: its cell's state type is a parameter (a tensor, or an object of them).
import * as tf from '@tensorflow/tfjs';

export interface Cell<S> {
  initial(): S;
  step(x: tf.Tensor, s: S): { readonly y: tf.Tensor; readonly state: S };
}

export class StreamingRunner<S> {
  private state: S;
  constructor(private readonly cell: Cell<S>) {
    this.state = cell.initial();
  }

  push(frame: Float32Array): Float32Array {
    const scores = tf.tidy(() => {
      const { y, state } = this.cell.step(tf.tensor2d(frame, [1, frame.length]), this.state);
      this.state = state;
//    ~~~~~~~~~~~~~~~~~~ tidy-disposed-state
      return y;
    });
    const values = scores.dataSync() as Float32Array;
    scores.dispose();
    return values;
  }
}
