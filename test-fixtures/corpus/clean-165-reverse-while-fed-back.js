// expect: none
const tf = require('@tensorflow/tfjs');

function backward(xs, step, units) {
  let h = tf.zeros([1, units]);
  const outs = new Array(xs.length);
  let i = xs.length;
  while (i--) {
    h = step(xs[i], h);
    outs[i] = h;
  }
  return outs;
}

module.exports = { backward };
