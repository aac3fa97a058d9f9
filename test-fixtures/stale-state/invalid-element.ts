// The state read from an array of states the loop appends to, at an element that never changes.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

// `at(0)` is the initial state on every step.
export function encodeFirst(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [tf.zeros([1, 8])];
  for (const x of xs) {
    const prev = states.at(0)!;
    states.push(step(x, prev));
//                      ~~~~ stale-state
  }
  return states.slice(1);
}

// The same with an index, written inline.
export function encodeIndexed(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const states = [h0];
  for (let t = 0; t < xs.length; t++) {
    states.push(step(xs[t]!, states[0]!));
//                           ~~~~~~~~~ stale-state
  }
  return tf.concat(states, 0) as tf.Tensor2D;
}

// A reduce that reads one past the last state, so it always falls back to the initial state.
export function encodeFold(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  return xs.reduce<tf.Tensor2D[]>((states, x) => {
    const prev = states[states.length] ?? h0;
    return [...states, step(x, prev)];
//                             ~~~~ stale-state
  }, []);
}
