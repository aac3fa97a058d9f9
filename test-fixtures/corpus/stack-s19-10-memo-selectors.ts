// expect: stacked-activation
// Redux-style recurrent tracker: reducers advance the state, memoised selectors derive the views the UI and the next step read.
import * as tf from '@tensorflow/tfjs';

export type TrackerState = {
  hidden: tf.Tensor2D;
  step: number;
};

type Selector<R> = (s: TrackerState) => R;

export function createSelector<A, R>(input: Selector<A>, combine: (a: A) => R): Selector<R> {
  let lastArg: A | undefined;
  let lastResult: R | undefined;
  let primed = false;
  return (s) => {
    const arg = input(s);
    if (primed && arg === lastArg) return lastResult as R;
    lastArg = arg;
    lastResult = combine(arg);
    primed = true;
    return lastResult;
  };
}

export function createTracker(inputDim: number, units: number, classes: number, seed = 31) {
  const W = tf.randomNormal([inputDim, units], 0, 0.8, 'float32', seed);
  const U = tf.randomNormal([units, units], 0, 0.8, 'float32', seed + 1);
  const b = tf.zeros([units]);
  const V = tf.randomNormal([units, classes], 0, 0.8, 'float32', seed + 2);

  const selectRaw: Selector<tf.Tensor2D> = (s) => s.hidden;
  const selectActivated = createSelector(selectRaw, (h) => tf.keep(tf.tanh(h)) as tf.Tensor2D);
  const selectScores = createSelector(selectActivated, (h) => tf.keep(tf.softmax(tf.matMul(h, V))) as tf.Tensor2D);

  function initial(batch: number): TrackerState {
    return { hidden: tf.zeros([batch, units]), step: 0 };
  }

  function reduce(state: TrackerState, x: tf.Tensor2D): TrackerState {
    const hPrev = selectActivated(state);
    const hidden = tf.tidy(() => tf.tanh(tf.matMul(x, W).add(tf.matMul(hPrev, U)).add(b)) as tf.Tensor2D);
    return { hidden, step: state.step + 1 };
  }

  return { initial, reduce, selectActivated, selectScores };
}

export type Tracker = ReturnType<typeof createTracker>;

export function track(tracker: Tracker, frames: tf.Tensor2D[]): { state: TrackerState; scores: number[][] } {
  let state = tracker.initial(frames[0].shape[0]);
  const scores: number[][] = [];
  for (const frame of frames) {
    state = tracker.reduce(state, frame);
    scores.push(Array.from(tracker.selectScores(state).dataSync()));
  }
  return { state, scores };
}

export function hiddenRange(tracker: Tracker, state: TrackerState): number {
  const view = tracker.selectActivated(state);
  return tf.tidy(() => view.abs().max().dataSync()[0]);
}
