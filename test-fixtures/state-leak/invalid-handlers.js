// Event handlers named for independent units (requests, sessions) that run one unit's whole
// sequence on a state shared by every call.
import * as tf from '@tensorflow/tfjs';

export function createHandler(cell, readout, units) {
  let h = tf.zeros([1, units]);
  return function onRequest(frames) {
    for (const f of frames) {
      [, h] = cell.call([f, h], {});
//                          ~ state-leak
    }
    return readout.apply(h).argMax(-1).dataSync()[0];
  };
}

export function createScorer(step, units) {
  let state = tf.zeros([1, units]);
  return {
    onSession(events) {
      events.forEach((e) => {
        state = step(e, state);
//                      ~~~~~ state-leak
      });
      return state.sum().dataSync()[0];
    },
  };
}
