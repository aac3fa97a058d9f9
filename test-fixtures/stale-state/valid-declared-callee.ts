// Look-alikes of a stale state behind a declared function type: the state carried by the
// accumulator, fed back in a loop, a mask (not a state) passed unchanged every step, and each
// sequence started from the same initial state on purpose.
import * as tf from '@tensorflow/tfjs';

export type Cell<S> = (x: tf.Tensor2D, state: S) => [tf.Tensor2D, S];
type Masked = (x: tf.Tensor2D, mask: tf.Tensor2D, h: tf.Tensor2D) => tf.Tensor2D;

export function scan<S>(cell: Cell<S>, xs: tf.Tensor2D[], init: S): { state: S; outputs: tf.Tensor2D[] } {
  return xs.reduce<{ state: S; outputs: tf.Tensor2D[] }>(
    (acc, x) => {
      const [y, next] = cell(x, acc.state);
      return { state: next, outputs: [...acc.outputs, y] };
    },
    { state: init, outputs: [] },
  );
}

export function unroll(step: (x: tf.Tensor2D, carry: tf.Tensor2D) => tf.Tensor2D, xs: tf.Tensor2D[], start: tf.Tensor2D): tf.Tensor2D {
  let carry = start;
  for (const x of xs) carry = step(x, carry);
  return carry;
}

export function masked(step: Masked, xs: tf.Tensor2D[], mask: tf.Tensor2D, h0: tf.Tensor2D): tf.Tensor2D {
  let h = h0;
  for (const x of xs) h = step(x, mask, h);
  return h;
}

export function perSequence<S>(cell: Cell<S>, sequences: tf.Tensor2D[][], init: S): S[] {
  const finals: S[] = [];
  for (const seq of sequences) {
    let state = init;
    for (const x of seq) [, state] = cell(x, state);
    finals.push(state);
  }
  return finals;
}
