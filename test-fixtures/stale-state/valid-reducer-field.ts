// Replays done right: each event applied to the state built so far; and a projection declared
// with the state type but not returning it (a view, not a transition) called with the snapshot.
import * as tf from '@tensorflow/tfjs';

export type SessionState = { h: tf.Tensor2D; readings: number };
export type Reducer = (state: SessionState, ev: number[]) => SessionState;
export type View = (state: SessionState, ev: number[]) => number;

export class SessionStore {
  private log: number[][] = [];
  private snapshot: SessionState;

  constructor(private readonly reducer: Reducer, private readonly view: View, units: number) {
    this.snapshot = { h: tf.zeros([1, units]), readings: 0 };
  }

  replay(): SessionState {
    let current = this.snapshot;
    this.log.forEach((ev) => {
      current = this.reducer(current, ev);
    });
    return current;
  }

  scores(): number[] {
    const out: number[] = [];
    for (const ev of this.log) out.push(this.view(this.snapshot, ev));
    return out;
  }
}
