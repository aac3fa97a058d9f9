// expect: tidy-disposed-state
const tf = require('@tensorflow/tfjs');

function encodeGood(step, xs, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    const prev = h;
    h = tf.tidy(() => step(x, prev));
    prev.dispose();
  }
  return h;
}

function encodeBad(step, xs, units) {
  let h = tf.zeros([1, units]);
  for (const x of xs) {
    tf.tidy(() => {
      h = step(x, h);
    });
  }
  return h;
}

module.exports = { encodeGood, encodeBad };
