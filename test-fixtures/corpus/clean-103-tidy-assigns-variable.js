// expect: none
// tf.Variable.assign inside tidy: the variable is not a tidy-tracked temporary, so it survives.
import * as tf from '@tensorflow/tfjs';

export function run(rnnCell, frames, units) {
  const mem = tf.variable(tf.zeros([1, units]), false);
  for (const frame of frames) {
    tf.tidy(() => {
      const [, next] = rnnCell.call([frame, mem], {});
      mem.assign(next);
    });
  }
  return mem;
}
