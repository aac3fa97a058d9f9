// expect: none
import * as tf from '@tensorflow/tfjs';

const units = 10;
const W = tf.variable(tf.randomNormal([4, units], 0, 0.1));
const U = tf.variable(tf.randomNormal([units, units], 0, 0.1));

// featureMask zeroes out sensors that are broken for this recording; it does not change over time.
function step(x, h, featureMask) {
  const xMasked = x.mul(featureMask);
  return tf.tanh(xMasked.matMul(W).add(h.matMul(U)));
}

export function run(frames, featureMask) {
  let h = tf.zeros([1, units]);
  for (let t = 0; t < frames.length; t++) {
    h = step(frames[t], h, featureMask);
  }
  return h;
}
