// A state kept in a member of a local object, updated in every way the loop can update it: an
// assignment, a destructuring, a helper or closure given the object, an alias, Object.assign, a
// variable assigned in place, and a reset per sequence in an outer loop.
import * as tf from '@tensorflow/tfjs';

const H = 6;
const Wx = tf.variable(tf.randomNormal([3, H], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([H, H], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): { y: tf.Tensor2D; h: tf.Tensor2D } {
  const hNext = tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
  return { y: hNext, h: hNext };
}

function update(s: { h: tf.Tensor2D }, next: tf.Tensor2D): void {
  s.h = next;
}

export function assigned(xs: tf.Tensor2D[]): tf.Tensor2D {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D };
  for (const x of xs) {
    const res = step(x, state.h);
    state.h = res.h;
  }
  return state.h;
}

export function destructured(xs: tf.Tensor2D[]): tf.Tensor2D {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D, y: tf.zeros([1, H]) as tf.Tensor2D };
  for (const x of xs) ({ y: state.y, h: state.h } = step(x, state.h));
  return state.y;
}

export function helper(xs: tf.Tensor2D[]): tf.Tensor2D {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D };
  for (const x of xs) update(state, step(x, state.h).h);
  return state.h;
}

export function closure(xs: tf.Tensor2D[]): tf.Tensor2D {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D };
  const carry = (next: tf.Tensor2D): void => { state.h = next; };
  for (const x of xs) carry(step(x, state.h).h);
  return state.h;
}

export function aliased(xs: tf.Tensor2D[]): tf.Tensor2D {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D };
  const view = state;
  for (const x of xs) view.h = step(x, state.h).h;
  return state.h;
}

export function merged(xs: tf.Tensor2D[]): tf.Tensor2D {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D, y: tf.zeros([1, H]) as tf.Tensor2D };
  for (const x of xs) Object.assign(state, step(x, state.h));
  return state.y;
}

export function inPlace(xs: tf.Tensor2D[]): tf.Tensor {
  const state = { h: tf.variable(tf.zeros([1, H])) };
  for (const x of xs) state.h.assign(step(x, state.h as tf.Tensor2D).h);
  return state.h;
}

export function perSequence(sequences: tf.Tensor2D[][]): tf.Tensor2D[] {
  const state = { h: tf.zeros([1, H]) as tf.Tensor2D };
  const finals: tf.Tensor2D[] = [];
  for (const seq of sequences) {
    state.h = tf.zeros([1, H]);
    for (const x of seq) state.h = step(x, state.h).h;
    finals.push(state.h);
  }
  return finals;
}
