// expect: stale-state
const tf = require('@tensorflow/tfjs');

function decodeAll(gru, xs, units) {
  const zeroState = tf.zeros([1, units]);
  const outs = [];
  let t = 0;
  while (true) {
    if (t >= xs.length) break;
    outs.push(gru.call([xs[t++], zeroState], {})[0]);
  }
  return outs;
}

module.exports = { decodeAll };
