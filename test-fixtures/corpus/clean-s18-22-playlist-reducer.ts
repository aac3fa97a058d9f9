// expect: none
// Music player store: a reducer advances an LSTM on every played track and keeps the predicted skip probability in state.
import * as tf from '@tensorflow/tfjs';

const FEATS = 5; // energy, tempo, valence, listened fraction, liked
const UNITS = 16;

export interface PlayerState {
  h: tf.Tensor2D;
  c: tf.Tensor2D;
  skipProb: number;
  history: string[];
}

export type PlayerAction =
  | { type: 'track/played'; id: string; features: number[] }
  | { type: 'session/started' };

const W = tf.randomNormal([FEATS + UNITS, 4 * UNITS], 0, 0.2, 'float32', 300);
const b = tf.zeros([4 * UNITS]);
const skipHead = tf.randomNormal([UNITS, 1], 0, 0.4, 'float32', 301);

export function lstmCell(x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D) {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(tf.concat([x, h], 1), W), b);
    const [zi, zf, zg, zo] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
    const hNext = tf.mul(tf.sigmoid(zo), tf.tanh(cNext)) as tf.Tensor2D;
    const skip = tf.sigmoid(tf.matMul(hNext, skipHead)).dataSync()[0];
    return { h: hNext, c: cNext, skip };
  });
}

export function initialPlayerState(): PlayerState {
  return { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]), skipProb: 0, history: [] };
}

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case 'track/played': {
      const x = tf.tensor2d([action.features]);
      const { h, c, skip } = lstmCell(x, state.h, state.c);
      x.dispose();
      return { h, c, skipProb: skip, history: [...state.history, action.id] };
    }
    case 'session/started':
      return initialPlayerState();
    default:
      return state;
  }
}

export function createPlayerStore() {
  let state = initialPlayerState();
  const subscribers: Array<(s: PlayerState, a: PlayerAction) => void> = [];

  return {
    getState: () => state,
    subscribe(fn: (s: PlayerState, a: PlayerAction) => void) {
      subscribers.push(fn);
    },
    dispatch(action: PlayerAction) {
      const prev = state;
      state = playerReducer(prev, action);
      if (prev.h !== state.h) prev.h.dispose();
      if (prev.c !== state.c) prev.c.dispose();
      subscribers.forEach((fn) => fn(state, action));
    },
  };
}

if (require.main === module) {
  const store = createPlayerStore();
  store.subscribe((s, a) => {
    if (a.type === 'track/played') console.log(`${a.id}: skip p=${s.skipProb.toFixed(3)}`);
  });
  store.dispatch({ type: 'session/started' });
  const tracks: Array<[string, number[]]> = [
    ['intro', [0.3, 0.5, 0.6, 1, 1]],
    ['banger', [0.9, 0.8, 0.7, 1, 1]],
    ['ballad', [0.2, 0.3, 0.2, 0.15, 0]],
  ];
  tracks.forEach(([id, features]) => store.dispatch({ type: 'track/played', id, features }));
  console.log('tensors alive:', tf.memory().numTensors);
}
