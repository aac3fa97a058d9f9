// States read back from the array the loop appends to: the last one, or an element that moves.
import * as tf from '@tensorflow/tfjs';

const Wx = tf.variable(tf.randomNormal([4, 8], 0, 0.1));
const Wh = tf.variable(tf.randomNormal([8, 8], 0, 0.1));

function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh))) as tf.Tensor2D;
}

export function encodeLast(xs: tf.Tensor2D[]): tf.Tensor2D[] {
  const states: tf.Tensor2D[] = [tf.zeros([1, 8])];
  for (const x of xs) {
    const prev = states.at(-1)!;
    states.push(step(x, prev));
  }
  return states.slice(1);
}

export function encodeIndexed(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const states = [h0];
  for (let t = 0; t < xs.length; t++) {
    states.push(step(xs[t]!, states[t]!));
  }
  return tf.concat(states, 0) as tf.Tensor2D;
}

export function encodeFold(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D[] {
  return xs.reduce<tf.Tensor2D[]>((states, x) => {
    const prev = states[states.length - 1] ?? h0;
    return [...states, step(x, prev)];
  }, []);
}

// A window of the last states: `shift()` moves the first element on every step.
export function encodeWindow(xs: tf.Tensor2D[], h0: tf.Tensor2D): tf.Tensor2D {
  const window: tf.Tensor2D[] = [h0];
  for (const x of xs) {
    window.push(step(x, window[0]!));
    window.shift();
  }
  return window[0]!;
}
