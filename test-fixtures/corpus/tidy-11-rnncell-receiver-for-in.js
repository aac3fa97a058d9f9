// expect: tidy-disposed-state
import * as tf from '@tensorflow/tfjs';

export function run(rnnCell, frames, units) {
  let mem = tf.zeros([1, units]);
  for (const i in frames) {
    tf.tidy(() => {
      mem = rnnCell.call([frames[i], mem], {})[1];
    });
  }
  return mem;
}
