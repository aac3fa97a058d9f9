// expect: none
import * as tf from '@tensorflow/tfjs';

export function trainSequence(optimizer, step, readout, xs, ys, units) {
  optimizer.minimize(() => {
    const states = [];
    let h = tf.zeros([1, units]);
    for (const x of xs) {
      h = step(x, h);
      states.push(h);
    }
    return tf.losses.meanSquaredError(tf.concat(ys, 0), readout(tf.concat(states, 0)));
  });
}
