// expect: stale-state
import * as tf from '@tensorflow/tfjs';

export function tagAll(cell, xs, units) {
  const initState = tf.zeros([1, units]);
  const ys = [];
  xs.forEach((x, t) => {
    [ys[t]] = cell.call([x, initState], {});
  });
  return ys;
}
