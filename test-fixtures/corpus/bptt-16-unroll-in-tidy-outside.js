// expect: bptt-cut
const tf = require('@tensorflow/tfjs');

function trainStep(optimizer, step, head, xs, y, units) {
  let h = tf.zeros([1, units]);
  tf.tidy(() => {
    for (const x of xs) {
      h = tf.keep(step(x, h));
    }
  });
  return optimizer.minimize(() => tf.losses.meanSquaredError(y, head.apply(h)), true);
}

module.exports = { trainStep };
