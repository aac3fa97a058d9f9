// expect: stale-state
const tf = require('@tensorflow/tfjs');

const enc = tf.layers.lstmCell({ units: 12 });
enc.build([null, 5]);

function encodeTrajectory(points) {
  const h = tf.zeros([1, 12]);
  const c = tf.zeros([1, 12]);
  let summary = null;
  for (let i = 0; i < points.length; i++) {
    const [y, hNext, cNext] = enc.call([points[i], h, c], {});
    summary = { y, hNext, cNext };
  }
  return summary;
}

module.exports = { encodeTrajectory };
