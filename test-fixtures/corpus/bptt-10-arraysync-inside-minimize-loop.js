// expect: bptt-cut
const tf = require('@tensorflow/tfjs');

function trainEpoch(optimizer, step, readout, batches, units) {
  for (const { xs, y } of batches) {
    optimizer.minimize(() => {
      let h = tf.zeros([1, units]);
      for (const x of xs) {
        const next = step(x, h);
        h = tf.tensor2d(next.arraySync());
      }
      return tf.losses.meanSquaredError(y, readout(h));
    });
  }
}

module.exports = { trainEpoch };
