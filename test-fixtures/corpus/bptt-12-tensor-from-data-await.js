// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

// One minimize per step, and the state crosses from one tape to the next as plain numbers
// (await h.data() -> tf.tensor2d): no gradient ever reaches an earlier step.
export async function trainSequence(opt, cell, head, xs, ys, units) {
  let h = tf.zeros([1, units]);
  for (let t = 0; t < xs.length; t++) {
    const snapshot = await h.data();
    opt.minimize(() => {
      const hIn = tf.tensor2d(snapshot, [1, units]);
      const [out, next] = cell.call([xs[t], hIn], {});
      h = tf.keep(next);
      return tf.losses.meanSquaredError(ys[t], head.apply(out));
    });
  }
}
