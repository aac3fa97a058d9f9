// expect: returns-input-state
// Touch-gesture recognizer: pointer events are dispatched to a reducer that advances an LSTM and exposes the current gesture guess.
import * as tf from '@tensorflow/tfjs';

const FEATS = 4; // dx, dy, pressure, dt
const UNITS = 16;
export const GESTURES = ['tap', 'swipe', 'pinch', 'circle'] as const;

export interface LstmState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
}

export interface GestureState {
  lstm: LstmState;
  guess: (typeof GESTURES)[number] | null;
  points: number;
}

export type GestureAction =
  | { type: 'pointer/move'; dx: number; dy: number; pressure: number; dt: number }
  | { type: 'pointer/up' };

const kernel = tf.variable(tf.randomNormal([FEATS + UNITS, 4 * UNITS], 0, 0.25, 'float32', 70));
const bias = tf.variable(tf.zeros([4 * UNITS]));
const classifier = tf.variable(tf.randomNormal([UNITS, GESTURES.length], 0, 0.4, 'float32', 71));

export function lstmStep(x: tf.Tensor2D, state: LstmState): LstmState {
  const { h, c } = state;
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(tf.concat([x, h], 1), kernel), bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const cNew = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    const hNew = tf.mul(tf.sigmoid(o), tf.tanh(cNew)) as tf.Tensor2D;
    return { h: hNew, c };
  });
}

export function emptyGestureState(): GestureState {
  return { lstm: { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]) }, guess: null, points: 0 };
}

export function gestureReducer(state: GestureState, action: GestureAction): GestureState {
  switch (action.type) {
    case 'pointer/move': {
      const x = tf.tensor2d([[action.dx, action.dy, action.pressure, action.dt]]);
      const lstm = lstmStep(x, state.lstm);
      x.dispose();
      const idx = tf.tidy(() => tf.argMax(tf.matMul(lstm.h, classifier), 1).dataSync()[0]);
      return { lstm, guess: GESTURES[idx], points: state.points + 1 };
    }
    case 'pointer/up':
      return emptyGestureState();
    default:
      return state;
  }
}

export class GestureStore {
  private state = emptyGestureState();
  private readonly listeners = new Set<(s: GestureState) => void>();

  dispatch(action: GestureAction): void {
    const prev = this.state;
    this.state = gestureReducer(prev, action);
    if (prev.lstm.h !== this.state.lstm.h) prev.lstm.h.dispose();
    if (prev.lstm.c !== this.state.lstm.c) prev.lstm.c.dispose();
    this.listeners.forEach((l) => l(this.state));
  }

  subscribe(fn: (s: GestureState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get snapshot(): GestureState {
    return this.state;
  }
}

if (require.main === module) {
  const store = new GestureStore();
  store.subscribe((s) => s.guess && console.log(`${s.points} pts -> ${s.guess}`));
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * Math.PI * 2;
    store.dispatch({ type: 'pointer/move', dx: Math.cos(a), dy: Math.sin(a), pressure: 0.6, dt: 0.016 });
  }
  store.dispatch({ type: 'pointer/up' });
}
