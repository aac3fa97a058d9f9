// expect: none
import * as tf from '@tensorflow/tfjs';

export function createHandler(cell, readout, units) {
  return function onRequest(frames) {
    let h = tf.zeros([1, units]);
    for (const f of frames) {
      [, h] = cell.call([f, h], {});
    }
    return readout.apply(h).argMax(-1).dataSync()[0];
  };
}
