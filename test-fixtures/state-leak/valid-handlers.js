// Streaming handlers carry the state from call to call on purpose; a request handler that starts
// each request from zeros does not leak.
import * as tf from '@tensorflow/tfjs';

export function createStream(cell, units) {
  let h = tf.zeros([1, units]);
  return function onFrames(frames) {
    for (const f of frames) {
      [, h] = cell.call([f, h], {});
    }
    return h;
  };
}

export function createHandler(cell, readout, units) {
  let h = tf.zeros([1, units]);
  return function onRequest(frames) {
    h = tf.zeros([1, units]);
    for (const f of frames) {
      [, h] = cell.call([f, h], {});
    }
    return readout.apply(h).argMax(-1).dataSync()[0];
  };
}
