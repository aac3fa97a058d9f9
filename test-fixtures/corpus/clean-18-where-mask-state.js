// expect: none
// Batched masking: rows whose sequence has ended keep their previous state (tf.where).
const tf = require('@tensorflow/tfjs');

const units = 8;
const cell = tf.layers.simpleRNNCell({ units });
cell.build([null, 2]);

function maskedStep(x, h, stepMask) {
  const [, hCandidate] = cell.call([x, h], {});
  return tf.where(stepMask.reshape([-1, 1]).tile([1, units]), hCandidate, h);
}

function run(xs, masks) {
  let h = tf.zeros([xs[0].shape[0], units]);
  for (let t = 0; t < xs.length; t++) {
    h = maskedStep(xs[t], h, masks[t]);
  }
  return h;
}

module.exports = { run };
