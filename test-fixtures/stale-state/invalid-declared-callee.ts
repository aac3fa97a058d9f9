// The step is a parameter whose declared function type names its state: the combinator is written
// once and the cell passed in from elsewhere, so only the type says which argument is the state.
import * as tf from '@tensorflow/tfjs';

export type Cell<S> = (x: tf.Tensor2D, state: S) => [tf.Tensor2D, S];

interface StepFn {
  (input: tf.Tensor2D, hidden: tf.Tensor2D): tf.Tensor2D;
}

// A reduce whose accumulator carries the new state, while the step is given the seed every time.
export function scan<S>(cell: Cell<S>, xs: tf.Tensor2D[], init: S): { state: S; outputs: tf.Tensor2D[] } {
  return xs.reduce<{ state: S; outputs: tf.Tensor2D[] }>(
    (acc, x) => {
      const [y, next] = cell(x, init);
//                              ~~~~ stale-state
      return { state: next, outputs: [...acc.outputs, y] };
    },
    { state: init, outputs: [] },
  );
}

// An inline function type: the loop never moves the start state on.
export function unroll(step: (x: tf.Tensor2D, carry: tf.Tensor2D) => tf.Tensor2D, xs: tf.Tensor2D[], start: tf.Tensor2D): tf.Tensor2D[] {
  const outs: tf.Tensor2D[] = [];
  for (const x of xs) {
    const next = step(x, start);
//                       ~~~~~ stale-state
    outs.push(next);
  }
  return outs;
}

// An interface with a call signature, through a variable.
export function encode(run: StepFn, xs: tf.Tensor2D[], seed: tf.Tensor2D): tf.Tensor2D {
  const cell: StepFn = run;
  let last = seed;
  xs.forEach((x) => {
    last = cell(x, seed);
//                 ~~~~ stale-state
  });
  return last;
}
