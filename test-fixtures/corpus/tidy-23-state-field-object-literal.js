// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function makeTracker(cell, units) {
  const tracker = {
    h: tf.zeros([1, units]),
    update(x) {
      tf.tidy(() => {
        const [, next] = cell.call([x, tracker.h], {});
        tracker.h = next;
      });
    },
  };
  return tracker;
}
