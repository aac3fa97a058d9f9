// expect: bptt-cut
import * as tf from '@tensorflow/tfjs';

// Sequence loss over states that were all computed before the tape: no step gets gradient
// through its predecessors.
export function trainSequence(optimizer, step, readout, xs, ys, units) {
  const states = [];
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    h = step(x, h);
    states.push(h);
  }
  optimizer.minimize(() => tf.losses.meanSquaredError(tf.concat(ys, 0), readout(tf.concat(states, 0))));
}
