// expect: none
const tf = require('@tensorflow/tfjs');

const enc = tf.layers.lstmCell({ units: 12 });
enc.build([null, 5]);

function encodeTrajectory(points) {
  let h = tf.zeros([1, 12]);
  let c = tf.zeros([1, 12]);
  let y = null;
  for (let i = 0; i < points.length; i++) {
    [y, h, c] = enc.call([points[i], h, c], {});
  }
  return { y, h, c };
}

module.exports = { encodeTrajectory };
