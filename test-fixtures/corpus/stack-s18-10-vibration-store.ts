// expect: stacked-activation
// Vibration monitor: a Redux-like store whose reducer advances a recurrent anomaly model on every sensor sample.
import * as tf from '@tensorflow/tfjs';

const CHANNELS = 3;
const UNITS = 12;

interface Params {
  Wx: tf.Tensor2D;
  Wh: tf.Tensor2D;
  b: tf.Tensor1D;
  Wa: tf.Tensor2D;
}

export interface MonitorState {
  hidden: tf.Tensor2D;
  scores: number[];
  alarms: number;
}

export type MonitorAction =
  | { type: 'sample/received'; xyz: [number, number, number] }
  | { type: 'monitor/reset' };

export const params: Params = {
  Wx: tf.randomNormal([CHANNELS, UNITS], 0, 0.5, 'float32', 31) as tf.Tensor2D,
  Wh: tf.randomNormal([UNITS, UNITS], 0, 0.4, 'float32', 32) as tf.Tensor2D,
  b: tf.zeros([UNITS]) as tf.Tensor1D,
  Wa: tf.randomNormal([UNITS, 1], 0, 0.5, 'float32', 33) as tf.Tensor2D,
};

const bounded = (t: tf.Tensor2D): tf.Tensor2D => tf.tanh(t);

export function rnnStep(p: Params, x: tf.Tensor2D, h: tf.Tensor2D): { h: tf.Tensor2D; score: number } {
  return tf.tidy(() => {
    const hIn = bounded(h);
    const pre = tf.add(tf.add(tf.matMul(x, p.Wx), tf.matMul(hIn, p.Wh)), p.b) as tf.Tensor2D;
    const hNew = bounded(pre);
    const score = tf.sigmoid(tf.matMul(hNew, p.Wa)).dataSync()[0];
    return { h: hNew, score };
  });
}

function freshState(): MonitorState {
  return { hidden: tf.zeros([1, UNITS]), scores: [], alarms: 0 };
}

export function monitorReducer(state: MonitorState = freshState(), action: MonitorAction): MonitorState {
  switch (action.type) {
    case 'sample/received': {
      const x = tf.tensor2d([action.xyz]);
      const { h, score } = rnnStep(params, x, state.hidden);
      x.dispose();
      return {
        hidden: h,
        scores: [...state.scores.slice(-99), score],
        alarms: state.alarms + (score > 0.8 ? 1 : 0),
      };
    }
    case 'monitor/reset':
      return freshState();
    default:
      return state;
  }
}

type Middleware = (prev: MonitorState, next: MonitorState, action: MonitorAction) => void;

export function createMonitorStore(middlewares: Middleware[] = []) {
  let state = monitorReducer(undefined, { type: 'monitor/reset' });
  const listeners: Array<(s: MonitorState) => void> = [];
  return {
    getState: () => state,
    subscribe: (fn: (s: MonitorState) => void) => listeners.push(fn),
    dispatch(action: MonitorAction) {
      const prev = state;
      state = monitorReducer(prev, action);
      if (prev.hidden !== state.hidden) prev.hidden.dispose();
      middlewares.forEach((m) => m(prev, state, action));
      listeners.forEach((fn) => fn(state));
    },
  };
}

if (require.main === module) {
  const store = createMonitorStore([(_p, n, a) => a.type === 'sample/received' && console.log('score', n.scores[n.scores.length - 1].toFixed(3))]);
  for (let t = 0; t < 10; t++) {
    store.dispatch({ type: 'sample/received', xyz: [Math.sin(t), Math.cos(t), t % 3 === 0 ? 2.5 : 0.1] });
  }
  console.log('alarms', store.getState().alarms);
}
