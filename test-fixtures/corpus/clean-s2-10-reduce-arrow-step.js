// expect: none
import * as tf from '@tensorflow/tfjs';

export const makeCell = ({ Wx, Wh, b }) => ([x, h]) =>
  tf.tidy(() => tf.tanh(tf.matMul(x, Wx).add(tf.matMul(h, Wh)).add(b)));

export function lastState(cell, xs, h0) {
  return xs.reduce((h, x) => cell([x, h]), h0);
}

export function allStates(cell, xs, h0) {
  const states = [];
  xs.reduce((prev, x) => {
    const cur = cell([x, prev]);
    states.push(cur);
    return cur;
  }, h0);
  return tf.stack(states, 1);
}

export function bidirectional(cellF, cellB, xs, h0) {
  const fwd = lastState(cellF, xs, h0);
  const bwd = lastState(cellB, [...xs].reverse(), h0);
  return tf.concat([fwd, bwd], -1);
}
