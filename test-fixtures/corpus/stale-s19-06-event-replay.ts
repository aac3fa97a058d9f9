// expect: stale-state
// Event-sourced session store: the recurrent session state is rebuilt by replaying the logged sensor events on top of a snapshot.
import * as tf from '@tensorflow/tfjs';

export type SessionEvent =
  | { kind: 'reading'; at: number; values: number[] }
  | { kind: 'annotate'; at: number; note: string };

export type SessionState = {
  h: tf.Tensor2D;
  readings: number;
  notes: string[];
};

export type Reducer = (state: SessionState, ev: SessionEvent) => SessionState;

export function makeReducer(inputDim: number, units: number, seed = 21): Reducer {
  const W = tf.randomNormal([inputDim, units], 0, 0.4, 'float32', seed);
  const U = tf.randomNormal([units, units], 0, 0.4, 'float32', seed + 1);
  const b = tf.zeros([units]);
  return (state, ev) => {
    switch (ev.kind) {
      case 'reading': {
        const h = tf.tidy(() => {
          const x = tf.tensor2d([ev.values]);
          return tf.tanh(tf.matMul(x, W).add(tf.matMul(state.h, U)).add(b)) as tf.Tensor2D;
        });
        return { ...state, h, readings: state.readings + 1 };
      }
      case 'annotate':
        return { ...state, notes: [...state.notes, ev.note] };
    }
  };
}

export class SessionStore {
  private log: SessionEvent[] = [];
  private snapshot: SessionState;

  constructor(private readonly reducer: Reducer, units: number) {
    this.snapshot = { h: tf.zeros([1, units]), readings: 0, notes: [] };
  }

  append(ev: SessionEvent): this {
    this.log.push(ev);
    return this;
  }

  appendAll(evs: SessionEvent[]): this {
    evs.forEach((e) => this.append(e));
    return this;
  }

  replay(): SessionState {
    let current: SessionState = this.snapshot;
    const ordered = [...this.log].sort((a, b) => a.at - b.at);
    ordered.forEach((ev) => {
      const next = this.reducer(this.snapshot, ev);
      if (current.h !== next.h && current.h !== this.snapshot.h) current.h.dispose();
      current = next;
    });
    return current;
  }

  compact(): this {
    const state = this.replay();
    if (state.h !== this.snapshot.h) this.snapshot.h.dispose();
    this.snapshot = state;
    this.log = [];
    return this;
  }
}

export function embedSession(events: SessionEvent[], inputDim: number, units = 8): number[] {
  const store = new SessionStore(makeReducer(inputDim, units), units).appendAll(events);
  const state = store.replay();
  return Array.from(state.h.dataSync());
}
