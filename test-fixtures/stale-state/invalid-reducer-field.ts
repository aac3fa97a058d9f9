// An event-sourced store replays its log through a reducer given to it, declared as a state
// transition; each event is applied to the snapshot instead of the state built so far.
import * as tf from '@tensorflow/tfjs';

export type SessionState = { h: tf.Tensor2D; readings: number };
export type Reducer = (state: SessionState, ev: number[]) => SessionState;

export class SessionStore {
  private log: number[][] = [];
  private snapshot: SessionState;

  constructor(private readonly reducer: Reducer, units: number) {
    this.snapshot = { h: tf.zeros([1, units]), readings: 0 };
  }

  append(ev: number[]): this {
    this.log.push(ev);
    return this;
  }

  replay(): SessionState {
    let current = this.snapshot;
    this.log.forEach((ev) => {
      current = this.reducer(this.snapshot, ev);
//                           ~~~~~~~~~~~~~ stale-state
    });
    return current;
  }
}
