// expect: state-leak
// A request handler advances a module-level state for each request's frames: every user's
// request continues from the previous user's state.
import * as tf from '@tensorflow/tfjs';

export function createHandler(cell, readout, units) {
  let h = tf.zeros([1, units]);
  return function onRequest(frames) {
    for (const f of frames) {
      [, h] = cell.call([f, h], {});
    }
    return readout.apply(h).argMax(-1).dataSync()[0];
  };
}
